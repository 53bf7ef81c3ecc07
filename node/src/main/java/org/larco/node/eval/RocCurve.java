package org.larco.node.eval;

/**
 * The one-versus-rest ROC curve of one class: the class's predicted probability is the score,
 * events of the class are positives and all others negatives. Points run from (0, 0) to (1, 1)
 * with one point per distinct score. The area is NaN when the evaluated events contain no
 * positive or no negative.
 */
public record RocCurve(String className, double[] falsePositiveRate, double[] truePositiveRate, double auc) {

    public RocCurve {
        if (falsePositiveRate.length != truePositiveRate.length) {
            throw new IllegalArgumentException("ROC curve of " + className + " has "
                    + falsePositiveRate.length + " false positive rates but " + truePositiveRate.length
                    + " true positive rates");
        }
        falsePositiveRate = falsePositiveRate.clone();
        truePositiveRate = truePositiveRate.clone();
    }

    @Override
    public double[] falsePositiveRate() {
        return falsePositiveRate.clone();
    }

    @Override
    public double[] truePositiveRate() {
        return truePositiveRate.clone();
    }

    /** Returns the number of points. */
    public int points() {
        return falsePositiveRate.length;
    }
}
