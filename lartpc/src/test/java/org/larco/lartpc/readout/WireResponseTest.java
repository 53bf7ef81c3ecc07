package org.larco.lartpc.readout;

import org.junit.jupiter.api.Test;
import org.larco.lartpc.config.DetectorConfig;
import org.larco.lartpc.data.ImageDataset;
import org.larco.lartpc.data.Task;
import org.larco.lartpc.sim.DatasetGenerator;
import org.larco.lartpc.testing.TestConfigs;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
