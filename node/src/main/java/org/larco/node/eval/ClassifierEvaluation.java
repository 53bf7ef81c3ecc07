package org.larco.node.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Quality figures of a classifier on one labelled set: accuracy, the confusion matrix, per-class
 * efficiency and purity, and one-versus-rest ROC curves. The predicted class of an event is the
 * class of highest probability (the first one on ties).
 *
 * <p>Efficiency of class c is the fraction of true-c events predicted as c (the confusion
 * matrix row-normalised); purity is the fraction of events predicted as c that are truly c (the
 * matrix column-normalised). Both are NaN for a class with no events in the row or column.
 * Immutable and thread-safe; accessors return copies.
 */
public final class ClassifierEvaluation {

    private final List<String> classNames;
    private final long[][] confusion;
    private final List<RocCurve> rocCurves;

    private ClassifierEvaluation(List<String> classNames, long[][] confusion, List<RocCurve> rocCurves) {
        this.classNames = List.copyOf(classNames);
        this.confusion = confusion;
        this.rocCurves = List.copyOf(rocCurves);
    }

    /**
     * Evaluates predictions.
     *
     * @param labels true class of each event, in {@code 0..classNames.size()-1}
     * @param probabilities one row of class probabilities per event
     * @throws IllegalArgumentException if lengths differ, a label is out of range or a
     *     probability is not finite
     */
    public static ClassifierEvaluation of(int[] labels, float[][] probabilities, List<String> classNames) {
        int classes = classNames.size();
        requireConsistent(labels, probabilities, classes);

        long[][] confusion = new long[classes][classes];
        for (int i = 0; i < labels.length; i++) {
            confusion[labels[i]][argmax(probabilities[i])]++;
        }
        List<RocCurve> curves = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            curves.add(RocCurves.oneVersusRest(classNames.get(c), c, labels, probabilities));
        }
        return new ClassifierEvaluation(classNames, confusion, curves);
    }

    public List<String> classNames() {
        return classNames;
    }

    /** Returns the number of evaluated events. */
    public long total() {
        long total = 0;
        for (long[] row : confusion) {
            for (long count : row) {
                total += count;
            }
        }
        return total;
    }

    /** Returns the fraction of events whose predicted class is the true class; NaN if empty. */
    public double accuracy() {
        long correct = 0;
        for (int c = 0; c < confusion.length; c++) {
            correct += confusion[c][c];
        }
        long total = total();
        return total == 0 ? Double.NaN : (double) correct / total;
    }

    /** Returns a copy of the confusion matrix of counts, indexed [true class][predicted class]. */
    public long[][] confusionMatrix() {
        long[][] copy = new long[confusion.length][];
        for (int c = 0; c < confusion.length; c++) {
            copy[c] = confusion[c].clone();
        }
        return copy;
    }

    /** Returns the efficiency of each class: the confusion matrix diagonal over row sums. */
    public double[] efficiency() {
        double[] efficiency = new double[confusion.length];
        for (int c = 0; c < confusion.length; c++) {
            long row = 0;
            for (long count : confusion[c]) {
                row += count;
            }
            efficiency[c] = row == 0 ? Double.NaN : (double) confusion[c][c] / row;
        }
        return efficiency;
    }

    /** Returns the purity of each class: the confusion matrix diagonal over column sums. */
    public double[] purity() {
        double[] purity = new double[confusion.length];
        for (int c = 0; c < confusion.length; c++) {
            long column = 0;
            for (long[] row : confusion) {
                column += row[c];
            }
            purity[c] = column == 0 ? Double.NaN : (double) confusion[c][c] / column;
        }
        return purity;
    }

    /** Returns the one-versus-rest ROC curve of each class, in class order. */
    public List<RocCurve> rocCurves() {
        return rocCurves;
    }

    /** Returns the mean ROC AUC over classes that have an AUC; NaN if none has. */
    public double macroAuc() {
        return rocCurves.stream().mapToDouble(RocCurve::auc).filter(auc -> !Double.isNaN(auc))
                .average().orElse(Double.NaN);
    }

    private static int argmax(float[] row) {
        int best = 0;
        for (int c = 1; c < row.length; c++) {
            if (row[c] > row[best]) {
                best = c;
            }
        }
        return best;
    }

    private static void requireConsistent(int[] labels, float[][] probabilities, int classes) {
        if (classes < 2) {
            throw new IllegalArgumentException("evaluation needs at least 2 class names, got " + classes);
        }
        if (labels.length != probabilities.length) {
            throw new IllegalArgumentException("evaluation got " + labels.length + " labels but "
                    + probabilities.length + " probability rows; pass one row per event");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("event " + i + " has label " + labels[i]
                        + ", expected 0.." + (classes - 1));
            }
            if (probabilities[i].length != classes) {
                throw new IllegalArgumentException("event " + i + " has " + probabilities[i].length
                        + " class probabilities, expected " + classes);
            }
            for (float p : probabilities[i]) {
                if (!Float.isFinite(p)) {
                    throw new IllegalArgumentException("event " + i + " has class probability " + p
                            + "; probabilities must be finite");
                }
            }
        }
    }

    @Override
    public String toString() {
        return String.format("ClassifierEvaluation{events=%d, accuracy=%.4f, macroAuc=%.4f}",
                total(), accuracy(), macroAuc());
    }
}
