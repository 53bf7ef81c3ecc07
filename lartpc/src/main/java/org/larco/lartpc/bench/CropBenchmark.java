package org.larco.lartpc.bench;

import org.larco.lartpc.baseline.HandFeatures;
import org.larco.lartpc.baseline.SoftmaxClassifier;
import org.larco.lartpc.config.DetectorConfig;
import org.larco.lartpc.data.ImageDataset;
import org.larco.lartpc.data.LearnerSplits;
import org.larco.lartpc.data.Task;
import org.larco.lartpc.sim.DatasetGenerator;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Measures how well the crop holds single-particle events (not a test): for each preset or
 * configuration file given, the share of photon images whose collection plane is nearly empty,
 * the median hit pixels per class, and the test accuracy of the hand-feature baseline. Usage:
 * {@code CropBenchmark EVENTS NAME_OR_FILE...}; a name ending in .yaml, .yml or .json is read as
 * a configuration file, anything else as a preset.
 */
public final class CropBenchmark {

    /** A collection plane with fewer hit pixels than this counts as nearly empty. */
    public static final int NEAR_EMPTY_HITS = 10;

    private static final long SEED = 2025;

    private CropBenchmark() {
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: CropBenchmark EVENTS NAME_OR_FILE...");
            System.exit(2);
        }
        int events = Integer.parseInt(args[0]);
        int threads = Runtime.getRuntime().availableProcessors();
        List<String> classes = Task.SINGLE_PARTICLE.classNames();
        System.out.printf(Locale.ROOT, "%d single-particle events per configuration, seed %d, %d threads%n",
                events, SEED, threads);
        System.out.println("| configuration | nearly empty photon images | median collection hits "
                + classes + " | baseline test accuracy |");
        System.out.println("| --- | --- | --- | --- |");
        for (int a = 1; a < args.length; a++) {
            DetectorConfig config = configFor(args[a]);
            ImageDataset data = new DatasetGenerator(config, Task.SINGLE_PARTICLE).generate(events, SEED, threads);
            int gamma = classes.indexOf("gamma");
            LearnerSplits splits = LearnerSplits.split(data, 0.7, 0.0);
            double accuracy = SoftmaxClassifier.train(splits.train()).accuracy(splits.test());
            StringBuilder medians = new StringBuilder();
            for (int label = 0; label < classes.size(); label++) {
                medians.append(label == 0 ? "" : " / ").append(medianHits(data, label));
            }
            System.out.printf(Locale.ROOT, "| %s | %.3f | %s | %.3f |%n", args[a], nearlyEmptyShare(data, gamma),
                    medians, accuracy);
        }
    }

    /** Returns the share of events with label {@code label} whose collection plane is nearly empty. */
    public static double nearlyEmptyShare(ImageDataset data, int label) {
        int total = 0;
        int empty = 0;
        for (int i = 0; i < data.size(); i++) {
            if (data.label(i) == label) {
                total++;
                empty += collectionHits(data, i) < NEAR_EMPTY_HITS ? 1 : 0;
            }
        }
        return total == 0 ? Double.NaN : (double) empty / total;
    }

    /** Returns the collection-plane pixels of event {@code i} at or above the baseline's hit threshold. */
    public static int collectionHits(ImageDataset data, int i) {
        int plane = data.planes() - 1;
        int hits = 0;
        for (int wire = 0; wire < data.height(); wire++) {
            for (int bin = 0; bin < data.width(); bin++) {
                hits += data.pixel(i, plane, wire, bin) >= HandFeatures.HIT_THRESHOLD_ADC ? 1 : 0;
            }
        }
        return hits;
    }

    private static int medianHits(ImageDataset data, int label) {
        int[] hits = new int[data.size()];
        int n = 0;
        for (int i = 0; i < data.size(); i++) {
            if (data.label(i) == label) {
                hits[n++] = collectionHits(data, i);
            }
        }
        int[] sorted = Arrays.copyOf(hits, n);
        Arrays.sort(sorted);
        return n == 0 ? 0 : sorted[n / 2];
    }

    private static DetectorConfig configFor(String nameOrFile) {
        String lower = nameOrFile.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json")) {
            return DetectorConfig.load(Path.of(nameOrFile));
        }
        return DetectorConfig.preset(nameOrFile);
    }
}
