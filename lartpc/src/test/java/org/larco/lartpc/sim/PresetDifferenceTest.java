package org.larco.lartpc.sim;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.larco.lartpc.config.DetectorConfig;
import org.larco.lartpc.data.ImageDataset;
import org.larco.lartpc.data.Task;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Different presets must give measurably different images: the noise level seen in the
 * induction planes and the charge of tracks in the collection plane differ by more than five
 * standard errors between each pair of presets.
 */
class PresetDifferenceTest {

    private static final int EVENTS = 150;
    private static final Map<String, double[]> INDUCTION_NOISE = new HashMap<>();
    private static final Map<String, double[]> COLLECTION_PEAK = new HashMap<>();

    @BeforeAll
    static void generate() {
        for (String preset : DetectorConfig.presetNames()) {
            ImageDataset data = new DatasetGenerator(DetectorConfig.preset(preset), Task.SINGLE_PARTICLE).generate(EVENTS, 21, 2);
            double[] noise = new double[EVENTS];
            double[] peak = new double[EVENTS];
            for (int i = 0; i < EVENTS; i++) {
                float[] image = data.image(i);
                int planeSize = data.height() * data.width();
                noise[i] = interquartileRange(Arrays.copyOfRange(image, 0, planeSize));
                peak[i] = percentile(Arrays.copyOfRange(image, 2 * planeSize, 3 * planeSize), 0.995);
            }
            INDUCTION_NOISE.put(preset, noise);
            COLLECTION_PEAK.put(preset, peak);
        }
    }

    @Test
    void inductionNoiseDiffersBetweenMicroboonAndDune() {
        assertSeparated(INDUCTION_NOISE, "microboone", "dune-fd");
    }

    @Test
    void inductionNoiseDiffersBetweenMicroboonAndIcarus() {
        assertSeparated(INDUCTION_NOISE, "microboone", "icarus");
    }

    @Test
    void inductionNoiseDiffersBetweenDuneAndIcarus() {
        assertSeparated(INDUCTION_NOISE, "dune-fd", "icarus");
    }

    @Test
    void collectionChargeDiffersBetweenMicroboonAndDune() {
        assertSeparated(COLLECTION_PEAK, "microboone", "dune-fd");
    }

    private static void assertSeparated(Map<String, double[]> statistic, String a, String b) {
        double[] first = statistic.get(a);
        double[] second = statistic.get(b);
        double difference = Math.abs(mean(first) - mean(second));
        double error = Math.sqrt(variance(first) / first.length + variance(second) / second.length);

        assertTrue(difference > 5 * error, a + " mean " + mean(first) + " vs " + b + " mean " + mean(second)
                + ", standard error " + error);
    }

    private static double interquartileRange(float[] values) {
        return percentile(values, 0.75) - percentile(values, 0.25);
    }

    private static double percentile(float[] values, double fraction) {
        float[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) (fraction * sorted.length))];
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElseThrow();
    }

    private static double variance(double[] values) {
        double mean = mean(values);
        return Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / (values.length - 1);
    }
}
