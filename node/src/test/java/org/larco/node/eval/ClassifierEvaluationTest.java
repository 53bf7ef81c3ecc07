package org.larco.node.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ClassifierEvaluationTest {

    private static final List<String> THREE = List.of("muon", "pion", "proton");

    /** Builds one-hot predictions that reproduce {@code confusion} ([true][predicted] counts). */
    private static ClassifierEvaluation fromConfusion(int[][] confusion) {
        List<Integer> labels = new ArrayList<>();
        List<float[]> probabilities = new ArrayList<>();
        for (int truth = 0; truth < confusion.length; truth++) {
            for (int predicted = 0; predicted < confusion.length; predicted++) {
                for (int k = 0; k < confusion[truth][predicted]; k++) {
                    float[] row = new float[confusion.length];
                    row[predicted] = 1f;
                    labels.add(truth);
                    probabilities.add(row);
                }
            }
        }
        return ClassifierEvaluation.of(labels.stream().mapToInt(Integer::intValue).toArray(),
                probabilities.toArray(new float[0][]), THREE);
    }

    @Test
    void efficiencyAndPurityOfHandMadeMatrix() {
        ClassifierEvaluation evaluation = fromConfusion(new int[][] {
            {8, 2, 0},
            {1, 6, 3},
            {0, 0, 5},
        });

        assertArrayEquals(new double[] {0.8, 0.6, 1.0}, evaluation.efficiency(), 1e-12);
        assertArrayEquals(new double[] {8.0 / 9, 6.0 / 8, 5.0 / 8}, evaluation.purity(), 1e-12);
        assertEquals(19.0 / 25, evaluation.accuracy(), 1e-12);
        assertEquals(25, evaluation.total());
        assertArrayEquals(new long[] {1, 6, 3}, evaluation.confusionMatrix()[1]);
    }

    @Test
    void emptyColumnGivesNanPurity() {
        ClassifierEvaluation evaluation = fromConfusion(new int[][] {
            {3, 0, 0},
            {1, 0, 0},
            {0, 0, 2},
        });

        assertTrue(Double.isNaN(evaluation.purity()[1]));
        assertEquals(0.0, evaluation.efficiency()[1]);
    }

    @Test
    void perfectClassifierAucIsOne() {
        ClassifierEvaluation evaluation = fromConfusion(new int[][] {
            {4, 0, 0},
            {0, 5, 0},
            {0, 0, 6},
        });

        for (RocCurve curve : evaluation.rocCurves()) {
            assertEquals(1.0, curve.auc(), 1e-12, curve.className());
        }
        assertEquals(1.0, evaluation.macroAuc(), 1e-12);
    }

    @Test
    void randomClassifierAucIsNearHalf() {
        SplittableRandom random = new SplittableRandom(1);
        int events = 4000;
        int[] labels = new int[events];
        float[][] probabilities = new float[events][];
        for (int i = 0; i < events; i++) {
            labels[i] = random.nextInt(3);
            float a = (float) random.nextDouble();
            float b = (float) random.nextDouble() * (1 - a);
            probabilities[i] = new float[] {a, b, 1 - a - b};
        }

        ClassifierEvaluation evaluation = ClassifierEvaluation.of(labels, probabilities, THREE);

        for (RocCurve curve : evaluation.rocCurves()) {
            assertEquals(0.5, curve.auc(), 0.03, curve.className());
        }
    }

    @Test
    void tiedScoresGiveHalfArea() {
        int[] labels = {0, 1, 2, 0, 1, 2};
        float[][] probabilities = new float[6][];
        for (int i = 0; i < 6; i++) {
            probabilities[i] = new float[] {1f / 3, 1f / 3, 1f / 3};
        }

        ClassifierEvaluation evaluation = ClassifierEvaluation.of(labels, probabilities, THREE);

        assertEquals(0.5, evaluation.rocCurves().get(0).auc(), 1e-12);
        assertEquals(2, evaluation.rocCurves().get(0).points());
    }

    @Test
    void rocCurveRunsFromOriginToOne() {
        RocCurve curve = fromConfusion(new int[][] {{3, 1, 0}, {2, 2, 1}, {0, 1, 4}}).rocCurves().get(2);
        double[] fpr = curve.falsePositiveRate();
        double[] tpr = curve.truePositiveRate();

        assertEquals(0.0, fpr[0]);
        assertEquals(0.0, tpr[0]);
        assertEquals(1.0, fpr[fpr.length - 1], 1e-12);
        assertEquals(1.0, tpr[tpr.length - 1], 1e-12);
    }

    @Test
    void classWithoutPositivesHasNanAuc() {
        ClassifierEvaluation evaluation = fromConfusion(new int[][] {{3, 0, 0}, {0, 2, 0}, {0, 0, 0}});

        assertTrue(Double.isNaN(evaluation.rocCurves().get(2).auc()));
        assertEquals(1.0, evaluation.macroAuc(), 1e-12);
    }

    @Test
    void mismatchedLengthsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClassifierEvaluation.of(new int[] {0, 1}, new float[][] {{1f, 0f, 0f}}, THREE));
        assertTrue(e.getMessage().contains("2 labels but 1 probability rows"), e.getMessage());
    }

    @Test
    void labelOutOfRangeIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClassifierEvaluation.of(new int[] {3}, new float[][] {{1f, 0f, 0f}}, THREE));
        assertTrue(e.getMessage().contains("label 3"), e.getMessage());
    }
}
