package org.larco.node.eval;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Builds one-versus-rest ROC curves from class probabilities. */
final class RocCurves {

    private RocCurves() {
    }

    static RocCurve oneVersusRest(String className, int positiveClass, int[] labels, float[][] probabilities) {
        int positives = (int) Arrays.stream(labels).filter(label -> label == positiveClass).count();
        int negatives = labels.length - positives;
        if (positives == 0 || negatives == 0) {
            return new RocCurve(className, new double[0], new double[0], Double.NaN);
        }

        Integer[] order = IntStream.range(0, labels.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> probabilities[i][positiveClass]).reversed());

        double[] fpr = new double[labels.length + 1];
        double[] tpr = new double[labels.length + 1];
        int points = 1;
        int truePositives = 0;
        int falsePositives = 0;
        double area = 0;
        for (int k = 0; k < order.length; k++) {
            if (labels[order[k]] == positiveClass) {
                truePositives++;
            } else {
                falsePositives++;
            }
            boolean lastOfTie = k + 1 == order.length
                    || probabilities[order[k + 1]][positiveClass] != probabilities[order[k]][positiveClass];
            if (lastOfTie) {
                // Events with equal scores enter together, so ties give a diagonal step (area 1/2).
                fpr[points] = (double) falsePositives / negatives;
                tpr[points] = (double) truePositives / positives;
                area += (fpr[points] - fpr[points - 1]) * (tpr[points] + tpr[points - 1]) / 2;
                points++;
            }
        }
        return new RocCurve(className, Arrays.copyOf(fpr, points), Arrays.copyOf(tpr, points), area);
    }
}
