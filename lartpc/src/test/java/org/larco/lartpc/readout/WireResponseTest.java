package org.larco.lartpc.readout;

import org.junit.jupiter.api.Test;
import org.larco.lartpc.config.DetectorConfig;
import org.larco.lartpc.config.ReadoutConfig;
import org.larco.lartpc.data.ImageDataset;
import org.larco.lartpc.data.Task;
import org.larco.lartpc.sim.DatasetGenerator;
import org.larco.lartpc.sim.DepositBuffer;
import org.larco.lartpc.sim.EventTruth;
import org.larco.lartpc.sim.SimulatedEvent;
import org.larco.lartpc.testing.TestConfigs;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WireResponseTest {

    @Test
    void collectionKernelHasUnitArea() {
        ResponseKernels kernels = new ResponseKernels(2.0, 0.5, 0.5);

        assertEquals(1.0, sum(kernels.kernel(true, 3)), 0.01);
    }

    @Test
    void inductionKernelIntegratesToZero() {
        ResponseKernels kernels = new ResponseKernels(2.0, 0.5, 0.5);

        assertEquals(0.0, sum(kernels.kernel(false, 3)), 0.01);
    }

    @Test
    void collectionSignalIsUnipolar() {
        ImageDataset data = noiseFreeEvents();
        double positive = 0;
        double negative = 0;
        for (int i = 0; i < data.size(); i++) {
            for (int wire = 0; wire < data.height(); wire++) {
                for (int bin = 0; bin < data.width(); bin++) {
                    float value = data.pixel(i, 2, wire, bin);
                    positive += Math.max(value, 0);
                    negative += Math.max(-value, 0);
                }
            }
        }

        assertTrue(positive > 1000, "collected charge " + positive);
        assertTrue(negative < 0.01 * positive, "negative " + negative + " against positive " + positive);
    }

    @Test
    void inductionSignalIsBipolar() {
        ImageDataset data = noiseFreeEvents();
        for (int plane = 0; plane < 2; plane++) {
            double positive = 0;
            double negative = 0;
            for (int i = 0; i < data.size(); i++) {
                for (int wire = 0; wire < data.height(); wire++) {
                    for (int bin = 0; bin < data.width(); bin++) {
                        float value = data.pixel(i, plane, wire, bin);
                        positive += Math.max(value, 0);
                        negative += Math.max(-value, 0);
                    }
                }
            }
            assertTrue(positive > 100, "plane " + plane + " positive lobes " + positive);
            assertTrue(negative > 0.5 * positive, "plane " + plane + " negative " + negative + " positive " + positive);
        }
    }

    @Test
    void coherentNoiseIsSharedWithinWireGroup() {
        float[] image = coherentNoiseOnly();
        int wires = 64;
        int bins = 64;
        int collection = 2 * wires * bins;

        assertTrue(java.util.Arrays.equals(image, collection, collection + bins, image, collection + bins, collection + 2 * bins),
                "pixel rows 0 and 1 (wires 0 to 3) of one 16-wire group differ");
        assertFalse(java.util.Arrays.equals(image, collection, collection + bins, image, collection + 16 * bins,
                collection + 17 * bins), "pixel rows 0 and 16 (wires 0 and 32) of different groups are equal");
    }

    /** Returns the image of an event without charge, read out with only coherent noise (2 ADC per 16 wires). */
    private static float[] coherentNoiseOnly() {
        DetectorConfig quiet = TestConfigs.withoutNoise(DetectorConfig.preset("microboone"));
        ReadoutConfig r = quiet.readout();
        ReadoutConfig readout = new ReadoutConfig(r.planes(), r.tickUs(), r.electronsPerAdc(), r.shapingTimeUs(),
                r.inductionGain(), r.noiseCorrelation(), 2.0, 16, r.adcBits());
        DetectorConfig config = new DetectorConfig(quiet.name(), quiet.argon(), readout, quiet.image(), quiet.physics(),
                quiet.momentumMevC(), quiet.neutrinoEnergyMev(), quiet.classPriors());
        SimulatedEvent empty = new SimulatedEvent(0, 0, new double[] {0, 0, 0}, 10, new DepositBuffer(), new EventTruth(),
                new double[] {0, 0, 1});
        return new WireReadout(config).digitize(empty, new SplittableRandom(5));
    }

    private static ImageDataset noiseFreeEvents() {
        DetectorConfig config = TestConfigs.withoutNoise(DetectorConfig.preset("microboone"));
        return new DatasetGenerator(config, Task.SINGLE_PARTICLE).generate(20, 4, 1);
    }

    private static double sum(float[] values) {
        double total = 0;
        for (float value : values) {
            total += value;
        }
        return total;
    }
}
