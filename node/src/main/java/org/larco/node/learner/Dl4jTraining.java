package org.larco.node.learner;

import java.util.List;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.larco.lartpc.data.ImageDataset;
import org.larco.node.weights.Weights;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Training and inference with DL4J on {@link ImageDataset}s, shared by {@link Dl4jLearner} and
 * the baselines. Stateless; each call builds or receives its own network.
 */
public final class Dl4jTraining {

    /** Events per inference batch; large enough to amortise DL4J's per-call overhead. */
    static final int PREDICT_BATCH = 128;

    private Dl4jTraining() {
    }

    /**
     * Trains from {@code start} for {@code epochs} passes over the concatenation of
     * {@code data}, in batches of {@code config.batchSize()} with Adam at
     * {@code config.learningRate()}, stopping early after {@code config.maxTrainBatchesPerRound()}
     * gradient steps when that is non-zero. The optimiser state starts fresh, so the result
     * depends only on the arguments.
     */
    public static Weights train(Weights start, List<ImageDataset> data, LearnerConfig config, int epochs,
            long shuffleSeed) {
        return train(start, ImageBatches.of(start.spec(), data, "train"), config, epochs, shuffleSeed);
    }

    /** Returns class probabilities, one row per event of {@code data}, for {@code weights}. */
    public static float[][] predictProbabilities(Weights weights, ImageDataset data) {
        MultiLayerNetwork net = weights.spec().build(0);
        weights.copyInto(net);
        return predict(net, ImageBatches.of(weights.spec(), List.of(data), "evaluation"));
    }

    static Weights train(Weights start, ImageBatches data, LearnerConfig config, int epochs, long shuffleSeed) {
        ModelSpec spec = start.spec();
        MultiLayerNetwork net = spec.build(config.seed(), config.learningRate());
        start.copyInto(net);

        SplittableRandom random = new SplittableRandom(shuffleSeed);
        int[] order = identity(data.size());
        int steps = 0;
        for (int epoch = 0; epoch < epochs; epoch++) {
            shuffle(order, random);
            for (int from = 0; from < order.length; from += config.batchSize()) {
                if (config.maxTrainBatchesPerRound() > 0 && steps >= config.maxTrainBatchesPerRound()) {
                    return Weights.of(spec, net);
                }
                int to = Math.min(from + config.batchSize(), order.length);
                net.fit(data.batch(order, from, to));
                steps++;
            }
        }
        return Weights.of(spec, net);
    }

    static float[][] predict(MultiLayerNetwork net, ImageBatches data) {
        float[][] probabilities = new float[data.size()][];
        for (int from = 0; from < data.size(); from += PREDICT_BATCH) {
            int to = Math.min(from + PREDICT_BATCH, data.size());
            INDArray output = net.output(data.features(from, to), false);
            float[][] rows = output.toFloatMatrix();
            System.arraycopy(rows, 0, probabilities, from, rows.length);
        }
        return probabilities;
    }

    private static int[] identity(int size) {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        return order;
    }

    private static void shuffle(int[] order, SplittableRandom random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }
}
