package org.larco.lartpc.sim;

import org.junit.jupiter.api.Test;
import org.larco.lartpc.baseline.HandFeatures;
import org.larco.lartpc.config.DetectorConfig;
import org.larco.lartpc.data.ImageDataset;
import org.larco.lartpc.data.Task;
import org.larco.lartpc.testing.TestConfigs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where the vertex and the charge land in the crop of the default microboone image. */
class CropGeometryTest {

    private static final DetectorConfig QUIET = TestConfigs.withoutNoise(
            TestConfigs.withoutHadronicInteractions(DetectorConfig.preset("microboone")));
    private static final int COLLECTION = 2;
    private static final int SIZE = 64;

    @Test
    void beamMuonStartsAtConfiguredWireRow() {
        float[] image = muonImage(new double[] {0, 0, 1});

        assertEquals(16, lowestHitRow(image), 1, "lowest collection row with charge; vertex at 0.25 x 64");
    }

    @Test
    void driftMuonStartsAtConfiguredTimePixel() {
        float[] image = muonImage(new double[] {1, 0, 0});

        assertEquals(16, earliestHitPixel(image), 1, "earliest collection time pixel with charge; vertex at 0.25 x 64");
    }

    @Test
    void diagonalMuonReachesFarCropCorner() {
        double wireExtentCm = SIZE * QUIET.image().wiresPerPixel() * QUIET.collectionPitchMm() / 10;
        double driftExtentCm = SIZE * QUIET.effectiveTicksPerPixel() * QUIET.readout().tickUs()
                * QUIET.argon().driftVelocityMmPerUs() / 10;
        double norm = Math.hypot(wireExtentCm, driftExtentCm);
        float[] image = muonImage(new double[] {driftExtentCm / norm, 0, wireExtentCm / norm});

        assertTrue(farthestCornerReach(image) >= SIZE - 3, "charge reaches row and pixel " + farthestCornerReach(image));
    }

    @Test
    void forwardCropKeepsMorePhotonsThanCentredCrop() {
        DetectorConfig photons = TestConfigs.onlyClass(DetectorConfig.preset("microboone"), "gamma");
        DetectorConfig centred = TestConfigs.withCrop(photons, 1, 0.5);

        double forwardShare = shareWithCharge(new DatasetGenerator(photons, Task.SINGLE_PARTICLE).generate(200, 11, 1));
        double centredShare = shareWithCharge(new DatasetGenerator(centred, Task.SINGLE_PARTICLE).generate(200, 11, 1));

        assertTrue(forwardShare > centredShare + 0.15, "photon images with charge: forward 2-wire crop "
                + forwardShare + ", centred 1-wire crop " + centredShare);
    }

    private static float[] muonImage(double[] direction) {
        SimulatedEvent event = EventSimulator.simulateParticle(QUIET, ParticleType.MUON_MINUS, 700, direction,
                EventSimulator.simulationRadiusCm(QUIET), 3);
        return new DatasetGenerator(QUIET, Task.SINGLE_PARTICLE).image(event, 3, 0);
    }

    private static boolean hit(float[] image, int row, int pixel) {
        return image[(COLLECTION * SIZE + row) * SIZE + pixel] >= HandFeatures.HIT_THRESHOLD_ADC;
    }

    private static int lowestHitRow(float[] image) {
        for (int row = 0; row < SIZE; row++) {
            for (int pixel = 0; pixel < SIZE; pixel++) {
                if (hit(image, row, pixel)) {
                    return row;
                }
            }
        }
        return -1;
    }

    private static int earliestHitPixel(float[] image) {
        for (int pixel = 0; pixel < SIZE; pixel++) {
            for (int row = 0; row < SIZE; row++) {
                if (hit(image, row, pixel)) {
                    return pixel;
                }
            }
        }
        return -1;
    }

    /** Returns the largest min(row, pixel) over the hit collection pixels. */
    private static int farthestCornerReach(float[] image) {
        int reach = -1;
        for (int row = 0; row < SIZE; row++) {
            for (int pixel = 0; pixel < SIZE; pixel++) {
                if (hit(image, row, pixel)) {
                    reach = Math.max(reach, Math.min(row, pixel));
                }
            }
        }
        return reach;
    }

    private static double shareWithCharge(ImageDataset data) {
        int withCharge = 0;
        for (int i = 0; i < data.size(); i++) {
            int hits = 0;
            for (int row = 0; row < data.height(); row++) {
                for (int pixel = 0; pixel < data.width(); pixel++) {
                    hits += data.pixel(i, COLLECTION, row, pixel) >= HandFeatures.HIT_THRESHOLD_ADC ? 1 : 0;
                }
            }
            withCharge += hits >= 10 ? 1 : 0;
        }
        return (double) withCharge / data.size();
    }
}
