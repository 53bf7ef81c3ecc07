package org.larco.node.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.larco.lartpc.config.DetectorConfig;
import org.larco.lartpc.data.ImageDataset;
import org.larco.lartpc.data.Task;
import org.larco.lartpc.sim.DatasetGenerator;
import org.larco.node.eval.ClassifierEvaluation;
import org.larco.node.learner.Dl4jHelpers;
import org.larco.node.learner.Dl4jTraining;
import org.larco.node.learner.LearnerConfig;
import org.larco.node.learner.ModelSpec;
import org.larco.node.weights.Weights;

/**
 * Measures the default CNN on generated single-particle images: training and inference
 * throughput of DL4J variants (layer helpers on or off, {@link CacheMode}), test accuracy after
 * a few epochs, and the cost of the weights blob. The variants take turns in one process, each
 * making one pass over the first 512 training events, so load from other jobs on a shared
 * machine hits them alike. Wall and CPU time are both printed.
 *
 * <p>Arguments: training events (default 1000), test events (400), epochs for the accuracy run
 * (5), detector preset (microboone), interleaved rounds (3).
 */
public final class LearnerBenchmark {

    private LearnerBenchmark() {
    }

    public static void main(String[] args) {
        int trainEvents = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int testEvents = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        int epochs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        String preset = args.length > 3 ? args[3] : "microboone";
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 3;

        long startNanos = System.nanoTime();
        DatasetGenerator generator = new DatasetGenerator(DetectorConfig.preset(preset), Task.SINGLE_PARTICLE);
        ImageDataset train = generator.generate(trainEvents, 1, 2);
        ImageDataset test = generator.generate(testEvents, 2, 2);
        print("data", "%d train + %d test events of %s, %s, generated in %.1f s", train.size(), test.size(),
                train.shapeText(), preset, seconds(startNanos));

        ModelSpec spec = ModelSpec.defaultFor(train.planes(), train.height(), train.width(), train.classNames().size());
        LearnerConfig config = LearnerConfig.defaults(1);
        Weights initial = Weights.initial(spec, 1);
        print("model", "%d parameters, spec %s, oneDNN helpers available: %s", spec.parameterCount(),
                spec.sha256Hex(), Dl4jHelpers.helpersEnabled());

        compareVariants(spec, initial, train, config, rounds);
        measureBlob(spec, initial);
        measureDefaultPath(initial, train, test, config, epochs);
    }

    private static void compareVariants(ModelSpec spec, Weights initial, ImageDataset train, LearnerConfig config,
            int rounds) {
        List<Variant> variants = new ArrayList<>();
        variants.add(new Variant("no helpers, CacheMode.NONE", false, CacheMode.NONE));
        variants.add(new Variant("no helpers, CacheMode.DEVICE", false, CacheMode.DEVICE));
        if (Dl4jHelpers.helpersEnabled()) {
            variants.add(new Variant("oneDNN helpers, CacheMode.DEVICE", true, CacheMode.DEVICE));
        }
        ImageDataset sample = train.slice(0, Math.min(512, train.size()));
        TrainingBatches batches = TrainingBatches.of(spec, sample, config.batchSize());
        String setting = System.getProperty(Dl4jHelpers.DISABLE_PROPERTY);
        for (Variant variant : variants) {
            variant.build(spec, initial, config);
            batches.fitEpoch(variant.net, 2);
        }

        for (int round = 0; round < rounds; round++) {
            for (Variant variant : variants) {
                variant.timeTraining(batches);
                variant.timeInference(batches);
            }
        }
        if (setting != null) {
            System.setProperty(Dl4jHelpers.DISABLE_PROPERTY, setting);
        }

        for (Variant variant : variants) {
            int samples = rounds * sample.size();
            print("variant", "%-34s train %5.0f samples/s wall, %5.0f per CPU-second;"
                    + " infer %5.0f samples/s wall, %5.0f per CPU-second", variant.name,
                    samples / (variant.trainNanos / 1e9), samples / (variant.trainCpuNanos / 1e9),
                    samples / (variant.inferNanos / 1e9), samples / (variant.inferCpuNanos / 1e9));
        }
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

    /** Trains through {@link Dl4jTraining}, as a learner's proposal does, one epoch at a time. */
    private static void measureDefaultPath(Weights initial, ImageDataset train, ImageDataset test, LearnerConfig config,
            int epochs) {
        Weights weights = initial;
        for (int epoch = 1; epoch <= epochs; epoch++) {
            long startNanos = System.nanoTime();
            long startCpuNanos = processCpuNanos();
            weights = Dl4jTraining.train(weights, List.of(train), config, 1, epoch);
            double trainSeconds = seconds(startNanos);
            double trainCpuSeconds = (processCpuNanos() - startCpuNanos) / 1e9;

            startNanos = System.nanoTime();
            float[][] probabilities = Dl4jTraining.predictProbabilities(weights, test);
            double testSeconds = seconds(startNanos);
            ClassifierEvaluation evaluation = ClassifierEvaluation.of(labels(test), probabilities, test.classNames());
            print("epoch", "%d: train %.1f s wall (%.1f s CPU), test %.1f s; test accuracy %.3f, macro AUC %.3f,"
                    + " efficiency %s", epoch, trainSeconds, trainCpuSeconds, testSeconds, evaluation.accuracy(),
                    evaluation.macroAuc(), format(evaluation.efficiency()));
        }
    }

    /** One DL4J configuration under test, with its accumulated times. */
    private static final class Variant {
        final String name;
        final boolean helpers;
        final CacheMode cacheMode;
        MultiLayerNetwork net;
        long trainNanos;
        long trainCpuNanos;
        long inferNanos;
        long inferCpuNanos;

        Variant(String name, boolean helpers, CacheMode cacheMode) {
            this.name = name;
            this.helpers = helpers;
            this.cacheMode = cacheMode;
        }

        void build(ModelSpec spec, Weights initial, LearnerConfig config) {
            // DL4J reads the property when a layer is created, so it decides this network only.
            System.setProperty(Dl4jHelpers.DISABLE_PROPERTY, Boolean.toString(!helpers));
            net = spec.build(config.seed(), config.learningRate());
            net.setCacheMode(cacheMode);
            initial.copyInto(net);
        }

        void timeTraining(TrainingBatches batches) {
            long startNanos = System.nanoTime();
            long startCpuNanos = processCpuNanos();
            batches.fitEpoch(net, Integer.MAX_VALUE);
            trainNanos += System.nanoTime() - startNanos;
            trainCpuNanos += processCpuNanos() - startCpuNanos;
        }

        void timeInference(TrainingBatches batches) {
            long startNanos = System.nanoTime();
            long startCpuNanos = processCpuNanos();
            batches.outputEpoch(net);
            inferNanos += System.nanoTime() - startNanos;
            inferCpuNanos += processCpuNanos() - startCpuNanos;
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
