package org.larco.lartpc.baseline;

import org.larco.lartpc.data.ImageDataset;

/**
 * Multinomial logistic regression on {@link HandFeatures}, trained by full-batch gradient descent
 * with L2 regularisation on standardised features. A baseline that shows how far simple
 * features go; deterministic (no random initialisation).
 */
public final class SoftmaxClassifier {

    private static final int EPOCHS = 400;
    private static final double LEARNING_RATE = 0.5;
    private static final double L2 = 1e-3;

    private final int classes;
    private final double[] mean = new double[HandFeatures.COUNT];
    private final double[] scale = new double[HandFeatures.COUNT];
    private final double[][] weights;

    private SoftmaxClassifier(int classes) {
        this.classes = classes;
        this.weights = new double[classes][HandFeatures.COUNT + 1];
    }

    /** Trains on every event of {@code data}. */
    public static SoftmaxClassifier train(ImageDataset data) {
        if (data.size() == 0) {
            throw new IllegalArgumentException("cannot train the baseline on an empty dataset");
        }
        SoftmaxClassifier model = new SoftmaxClassifier(data.classNames().size());
        double[][] x = features(data);
        model.standardise(x);
        int[] labels = new int[data.size()];
        for (int i = 0; i < data.size(); i++) {
            labels[i] = data.label(i);
            model.normalise(x[i]);
        }
        model.fit(x, labels);
        return model;
    }

    /** Returns the predicted label of event {@code i}. */
    public int predict(ImageDataset data, int i) {
        double[] x = HandFeatures.extract(data, i);
        normalise(x);
        double[] scores = scores(x);
        int best = 0;
        for (int c = 1; c < classes; c++) {
            if (scores[c] > scores[best]) {
                best = c;
            }
        }
        return best;
    }

    /** Returns counts[true label][predicted label] over {@code data}. */
    public int[][] confusion(ImageDataset data) {
        int[][] counts = new int[classes][classes];
        for (int i = 0; i < data.size(); i++) {
            counts[data.label(i)][predict(data, i)]++;
        }
        return counts;
    }

    /** Returns the fraction of events of {@code data} classified correctly. */
    public double accuracy(ImageDataset data) {
        int[][] counts = confusion(data);
        int correct = 0;
        for (int c = 0; c < classes; c++) {
            correct += counts[c][c];
        }
        return data.size() == 0 ? 0 : (double) correct / data.size();
    }

    private static double[][] features(ImageDataset data) {
        double[][] x = new double[data.size()][];
        for (int i = 0; i < data.size(); i++) {
            x[i] = HandFeatures.extract(data, i);
        }
        return x;
    }

    private void standardise(double[][] x) {
        for (int f = 0; f < HandFeatures.COUNT; f++) {
            double sum = 0;
            double sumSquares = 0;
            for (double[] row : x) {
                sum += row[f];
                sumSquares += row[f] * row[f];
            }
            mean[f] = sum / x.length;
            scale[f] = Math.sqrt(Math.max(1e-12, sumSquares / x.length - mean[f] * mean[f]));
        }
    }

    private void normalise(double[] row) {
        for (int f = 0; f < HandFeatures.COUNT; f++) {
            row[f] = (row[f] - mean[f]) / scale[f];
        }
    }

    private void fit(double[][] x, int[] labels) {
        int n = x.length;
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            double[][] gradient = new double[classes][HandFeatures.COUNT + 1];
            for (int i = 0; i < n; i++) {
                double[] probabilities = softmax(scores(x[i]));
                for (int c = 0; c < classes; c++) {
                    double error = probabilities[c] - (labels[i] == c ? 1 : 0);
                    for (int f = 0; f < HandFeatures.COUNT; f++) {
                        gradient[c][f] += error * x[i][f];
                    }
                    gradient[c][HandFeatures.COUNT] += error;
                }
            }
            for (int c = 0; c < classes; c++) {
                for (int f = 0; f <= HandFeatures.COUNT; f++) {
                    weights[c][f] -= LEARNING_RATE * (gradient[c][f] / n + L2 * weights[c][f]);
                }
            }
        }
    }

    private double[] scores(double[] x) {
        double[] scores = new double[classes];
        for (int c = 0; c < classes; c++) {
            double score = weights[c][HandFeatures.COUNT];
            for (int f = 0; f < HandFeatures.COUNT; f++) {
                score += weights[c][f] * x[f];
            }
            scores[c] = score;
        }
        return scores;
    }

    private static double[] softmax(double[] scores) {
        double max = Double.NEGATIVE_INFINITY;
        for (double score : scores) {
            max = Math.max(max, score);
        }
        double sum = 0;
        double[] probabilities = new double[scores.length];
        for (int c = 0; c < scores.length; c++) {
            probabilities[c] = Math.exp(scores[c] - max);
            sum += probabilities[c];
        }
        for (int c = 0; c < scores.length; c++) {
            probabilities[c] /= sum;
        }
        return probabilities;
    }
}
