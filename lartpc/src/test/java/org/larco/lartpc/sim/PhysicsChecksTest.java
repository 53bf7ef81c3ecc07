package org.larco.lartpc.sim;

import org.junit.jupiter.api.Test;
import org.larco.lartpc.config.DetectorConfig;
import org.larco.lartpc.testing.TestConfigs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Calibration checks of the particle simulation against reference values for liquid argon. */
class PhysicsChecksTest {

    private static final DetectorConfig MICROBOONE = DetectorConfig.preset("microboone");
    private static final double[] ALONG_Z = {0, 0, 1};

    @Test
    void muonDeDxMostProbableValueIsMip() {
        List<Double> segments = new ArrayList<>();
        for (long seed = 0; seed < 150; seed++) {
            SimulatedEvent event = EventSimulator.simulateParticle(MICROBOONE, ParticleType.MUON_MINUS, 270, ALONG_Z, 1000, seed);
            collectSegments(event.deposits(), 0.3, 20, segments);
        }

        double mostProbable = mostProbableValue(segments, 0.05);

        assertEquals(2.1, mostProbable, 0.21, "most probable dE/dx over 3 mm segments, MeV/cm");
    }

    @Test
    void protonRangeMatchesCsdaTable() {
        DetectorConfig config = TestConfigs.withoutHadronicInteractions(MICROBOONE);
        double[] kineticMev = {50, 80, 100, 200, 300};
        double[] csdaRangeCm = {2.3, 5.3, 7.8, 26, 51};
        for (int k = 0; k < kineticMev.length; k++) {
            double total = 0;
            int protons = 30;
            for (long seed = 0; seed < protons; seed++) {
                SimulatedEvent event = EventSimulator.simulateParticle(config, ParticleType.PROTON, kineticMev[k], ALONG_Z, 1000, seed);
                total += event.truth().primaryPathLengthCm();
            }
            double meanRange = total / protons;
            assertEquals(csdaRangeCm[k], meanRange, 0.1 * csdaRangeCm[k], "range of " + kineticMev[k] + " MeV protons, cm");
        }
    }

    @Test
    void protonEndsInBraggPeak() {
        DetectorConfig config = TestConfigs.withoutHadronicInteractions(MICROBOONE);
        SimulatedEvent event = EventSimulator.simulateParticle(config, ParticleType.PROTON, 150, ALONG_Z, 1000, 3);
        List<Double> segments = new ArrayList<>();
        collectSegments(event.deposits(), 0.3, 1000, segments);

        double first = segments.get(0);
        double last = segments.get(segments.size() - 1);

        assertTrue(last > 4 * first, "dE/dx at the start " + first + " and in the last 3 mm " + last);
    }

    @Test
    void photonConversionMeanIs18Cm() {
        double total = 0;
        int photons = 3000;
        for (long seed = 0; seed < photons; seed++) {
            SimulatedEvent event = EventSimulator.simulateParticle(MICROBOONE, ParticleType.GAMMA, 200, ALONG_Z, 30, seed);
            total += event.truth().firstPhotonInteractionCm();
        }

        assertEquals(18.0, total / photons, 1.8, "mean conversion distance, cm");
    }

    @Test
    void electronShowerStartsAtVertex() {
        for (long seed = 0; seed < 100; seed++) {
            SimulatedEvent event = EventSimulator.simulateParticle(MICROBOONE, ParticleType.ELECTRON, 300, ALONG_Z, 30, seed);
            assertTrue(closestDepositCm(event.deposits()) < 0.5, "electron " + seed + " starts away from the vertex");
        }
    }

    @Test
    void photonShowerIsDetachedFromVertex() {
        double[] gaps = new double[200];
        for (int seed = 0; seed < gaps.length; seed++) {
            SimulatedEvent event = EventSimulator.simulateParticle(MICROBOONE, ParticleType.GAMMA, 300, ALONG_Z, 1000, seed);
            gaps[seed] = closestDepositCm(event.deposits());
        }
        Arrays.sort(gaps);

        assertTrue(gaps[gaps.length / 2] > 8, "median gap " + gaps[gaps.length / 2] + " cm");
    }

    @Test
    void stoppingPositiveMuonMakesMichelElectron() {
        SimulatedEvent event = EventSimulator.simulateParticle(MICROBOONE, ParticleType.MUON_PLUS, 60, ALONG_Z, 1000, 5);

        assertTrue(event.truth().michelElectron());
    }

    @Test
    void recombinationMatchesReferenceAt500VPerCm() {
        assertEquals(0.705, LiquidArgon.recombinationSurvival(2.1, 0.5, 0.93, 0.212), 0.01);
        assertEquals(0.45, LiquidArgon.recombinationSurvival(10, 0.5, 0.93, 0.212), 0.01);
    }

    /** Sums primary deposits into segments of {@code lengthCm} along the track, up to {@code maxPathCm}. */
    private static void collectSegments(DepositBuffer deposits, double lengthCm, double maxPathCm, List<Double> out) {
        double energy = 0;
        double length = 0;
        double path = 0;
        for (int i = 0; i < deposits.size() && path < maxPathCm; i++) {
            if (deposits.generation(i) != 0) {
                continue;
            }
            double step = deposits.energyMev(i) / deposits.dEdxMevPerCm(i);
            energy += deposits.energyMev(i);
            length += step;
            path += step;
            if (length >= lengthCm - 1e-6) {
                out.add(energy / length);
                energy = 0;
                length = 0;
            }
        }
    }

    /** Returns the centre of the histogram bin with the most entries after a three-bin running sum. */
    private static double mostProbableValue(List<Double> values, double binWidth) {
        int[] histogram = new int[400];
        for (double value : values) {
            int bin = (int) (value / binWidth);
            if (bin < histogram.length) {
                histogram[bin]++;
            }
        }
        int best = 1;
        int bestCount = -1;
        for (int bin = 1; bin < histogram.length - 1; bin++) {
            int smoothed = histogram[bin - 1] + histogram[bin] + histogram[bin + 1];
            if (smoothed > bestCount) {
                bestCount = smoothed;
                best = bin;
            }
        }
        return (best + 0.5) * binWidth;
    }

    private static double closestDepositCm(DepositBuffer deposits) {
        double closest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < deposits.size(); i++) {
            double r = Math.sqrt(deposits.x(i) * deposits.x(i) + deposits.y(i) * deposits.y(i) + deposits.z(i) * deposits.z(i));
            closest = Math.min(closest, r);
        }
        return closest;
    }
}
