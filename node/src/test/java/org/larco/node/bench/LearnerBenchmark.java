package org.larco.node.bench;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.larco.lartpc.config.DetectorConfig;
import org.larco.lartpc.data.ImageDataset;
import org.larco.lartpc.data.Task;
import org.larco.lartpc.sim.DatasetGenerator;
import org.larco.node.eval.ClassifierEvaluation;
import org.larco.node.learner.Dl4jTraining;
import org.larco.node.learner.LearnerConfig;
import org.larco.node.learner.ModelSpec;
import org.larco.node.weights.Weights;

/**
 * Measures the default CNN on generated single-particle images: training and inference
 * throughput with and without {@link CacheMode#DEVICE}, test accuracy after a few epochs, and
 * the cost of the weights blob. Arguments: training events (default 1000), test events (400),
 * epochs for the accuracy run (5), detector preset (microboone), whether to time CacheMode.NONE
 * too (true). Prints one line per figure, with wall and CPU time because the machine may be shared.
 */
public final class LearnerBenchmark {

    private LearnerBenchmark() {
    }

    public static void main(String[] args) {
        int trainEvents = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int testEvents = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        int epochs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        String preset = args.length > 3 ? args[3] : "microboone";

        long startNanos = System.nanoTime();
        DatasetGenerator generator = new DatasetGenerator(DetectorConfig.preset(preset), Task.SINGLE_PARTICLE);
        ImageDataset train = generator.generate(trainEvents, 1, 2);
        ImageDataset test = generator.generate(testEvents, 2, 2);
        print("data", "%d train + %d test events of %s, %s, generated in %.1f s", train.size(), test.size(),
                train.shapeText(), preset, seconds(startNanos));

        ModelSpec spec = ModelSpec.defaultFor(train.planes(), train.height(), train.width(), train.classNames().size());
        print("model", "%d parameters, spec %s", spec.parameterCount(), spec.sha256Hex());
        LearnerConfig config = LearnerConfig.defaults(1);
        Weights initial = Weights.initial(spec, 1);

        boolean compareCacheModes = args.length <= 4 || Boolean.parseBoolean(args[4]);
        List<CacheMode> modes = compareCacheModes ? List.of(CacheMode.NONE, CacheMode.DEVICE) : List.of(CacheMode.DEVICE);
        for (CacheMode mode : modes) {
            measureTrainingEpoch(spec, initial, train, config, mode);
        }
        measureInference(spec, initial, test);
        measureBlob(spec, initial);
        measureAccuracy(initial, train, test, config, epochs);
    }

    private static void measureTrainingEpoch(ModelSpec spec, Weights initial, ImageDataset train, LearnerConfig config,
            CacheMode mode) {
        MultiLayerNetwork net = spec.build(config.seed(), config.learningRate());
        net.setCacheMode(mode);
        initial.copyInto(net);
        var batches = TrainingBatches.of(spec, train, config.batchSize());

        batches.fitEpoch(net, 4);
        long startNanos = System.nanoTime();
        long startCpuNanos = processCpuNanos();
        batches.fitEpoch(net, Integer.MAX_VALUE);
        double seconds = seconds(startNanos);
        double cpuSeconds = (processCpuNanos() - startCpuNanos) / 1e9;
        print("train", "cache mode %s: one epoch of %d events (batch %d) in %.2f s wall = %.0f samples/s,"
                + " %.2f s CPU = %.0f samples per CPU-second", mode, train.size(), config.batchSize(), seconds,
                train.size() / seconds, cpuSeconds, train.size() / cpuSeconds);
    }

    private static void measureInference(ModelSpec spec, Weights initial, ImageDataset test) {
        Dl4jTraining.predictProbabilities(initial, test.slice(0, Math.min(64, test.size())));
        long startNanos = System.nanoTime();
        long startCpuNanos = processCpuNanos();
        Dl4jTraining.predictProbabilities(initial, test);
        double seconds = seconds(startNanos);
        double cpuSeconds = (processCpuNanos() - startCpuNanos) / 1e9;
        print("infer", "%d events in %.2f s wall = %.0f samples/s, %.2f s CPU = %.0f samples per CPU-second"
                + " (includes building one network)", test.size(), seconds, test.size() / seconds, cpuSeconds,
                test.size() / cpuSeconds);
    }

    private static void measureBlob(ModelSpec spec, Weights initial) {
        MultiLayerNetwork net = spec.build(1);
        int repeats = 20;
        long startNanos = System.nanoTime();
        for (int i = 0; i < repeats; i++) {
            Weights.of(spec, net);
        }
        double ofMs = seconds(startNanos) * 1000 / repeats;
        byte[] blob = initial.blob();
        startNanos = System.nanoTime();
        for (int i = 0; i < repeats; i++) {
            Weights.fromBlob(blob);
        }
        double parseMs = seconds(startNanos) * 1000 / repeats;
        print("blob", "%d bytes; Weights.of(net) with SHA-256 %.2f ms, Weights.fromBlob with checks %.2f ms",
                blob.length, ofMs, parseMs);
    }

    private static void measureAccuracy(Weights initial, ImageDataset train, ImageDataset test, LearnerConfig config,
            int epochs) {
        Weights weights = initial;
        for (int epoch = 1; epoch <= epochs; epoch++) {
            long startNanos = System.nanoTime();
            weights = Dl4jTraining.train(weights, List.of(train), config, 1, epoch);
            double trainSeconds = seconds(startNanos);
            float[][] probabilities = Dl4jTraining.predictProbabilities(weights, test);
            ClassifierEvaluation evaluation = ClassifierEvaluation.of(labels(test), probabilities, test.classNames());
            print("quality", "epoch %d (%.1f s): test accuracy %.3f, macro AUC %.3f, efficiency %s", epoch,
                    trainSeconds, evaluation.accuracy(), evaluation.macroAuc(), format(evaluation.efficiency()));
        }
    }

    private static int[] labels(ImageDataset data) {
        int[] labels = new int[data.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = data.label(i);
        }
        return labels;
    }

    private static String format(double[] values) {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            text.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.2f", values[i]));
        }
        return text.append(']').toString();
    }

    /** Returns the CPU time of all this JVM's threads, to compare runs on a machine shared with other jobs. */
    private static long processCpuNanos() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void print(String figure, String format, Object... values) {
        System.out.println(String.format(Locale.ROOT, "%-8s ", figure) + String.format(Locale.ROOT, format, values));
    }
}
