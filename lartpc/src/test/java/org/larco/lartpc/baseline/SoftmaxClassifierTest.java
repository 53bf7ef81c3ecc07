package org.larco.lartpc.baseline;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.larco.lartpc.config.DetectorConfig;
import org.larco.lartpc.data.ImageDataset;
import org.larco.lartpc.data.LearnerSplits;
import org.larco.lartpc.data.Task;
import org.larco.lartpc.sim.DatasetGenerator;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The single-particle task must be learnable from the images but not trivial: simple hand
 * features beat chance (20 %) clearly and stay far from 100 %.
 */
class SoftmaxClassifierTest {

    private static double testAccuracy;

    @BeforeAll
    static void trainBaseline() {
        ImageDataset data = new DatasetGenerator(DetectorConfig.preset("microboone"), Task.SINGLE_PARTICLE).generate(1200, 12, 2);
        LearnerSplits splits = LearnerSplits.split(data, 0.7, 0.0);
        testAccuracy = SoftmaxClassifier.train(splits.train()).accuracy(splits.test());
    }

    @Test
    void handFeaturesBeatChance() {
        assertTrue(testAccuracy > 0.35, "test accuracy " + testAccuracy);
    }

    @Test
    void taskIsNotTrivial() {
        assertTrue(testAccuracy < 0.9, "test accuracy " + testAccuracy);
    }
}
