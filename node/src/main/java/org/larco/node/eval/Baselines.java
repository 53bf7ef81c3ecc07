package org.larco.node.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.larco.lartpc.data.ImageDataset;
import org.larco.node.learner.Dl4jTraining;
import org.larco.node.learner.LearnerConfig;
import org.larco.node.weights.Weights;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference models a collaboration is compared with: each learner's model trained alone on
 * its own training set, and one model trained on all training sets pooled, as if the groups had
 * shared their data. All start from the same initial weights and use the same batch size,
 * learning rate and seed.
 *
 * <p>Budget: an alone model trains {@code epochs} passes over its set; the pooled model trains
 * {@code epochs} passes over the concatenation, so it takes as many gradient steps as all alone
 * models together. To match a collaboration of R rounds of E epochs each, pass {@code R * E}:
 * the shared model then received about as many gradient steps in total as each alone model,
 * if the training sets are of similar size. A non-zero {@code config.maxTrainBatchesPerRound()}
 * caps each alone model's steps, and the pooled model's at that cap times the number of sets.
 * Thread-safe: each call trains its own network.
 */
public final class Baselines {

    private static final Logger log = LoggerFactory.getLogger(Baselines.class);

    private final LearnerConfig config;
    private final Weights initial;

    public Baselines(LearnerConfig config, Weights initial) {
        this.config = config;
        this.initial = initial;
    }

    /** Trains on {@code train} alone for {@code epochs} passes and evaluates on {@code test}. */
    public ClassifierEvaluation alone(ImageDataset train, int epochs, ImageDataset test) {
        return trainAndEvaluate(List.of(train), epochs, config, test, "alone");
    }

    /** Trains on all of {@code trains} pooled for {@code epochs} passes and evaluates on {@code test}. */
    public ClassifierEvaluation pooled(List<ImageDataset> trains, int epochs, ImageDataset test) {
        LearnerConfig pooledConfig = config.withMaxTrainBatchesPerRound(
                Math.multiplyExact(config.maxTrainBatchesPerRound(), trains.size()));
        return trainAndEvaluate(trains, epochs, pooledConfig, test, "pooled");
    }

    /**
     * Trains one alone model per learner and the pooled model, evaluating each on {@code test}.
     *
     * @return evaluations keyed "alone:NAME" in the map's order, then "pooled"
     */
    public Map<String, ClassifierEvaluation> aloneAndPooled(Map<String, ImageDataset> trainByLearner, int epochs,
            ImageDataset test) {
        Map<String, ClassifierEvaluation> evaluations = new LinkedHashMap<>();
        for (Map.Entry<String, ImageDataset> entry : trainByLearner.entrySet()) {
            evaluations.put("alone:" + entry.getKey(), alone(entry.getValue(), epochs, test));
        }
        evaluations.put("pooled", pooled(new ArrayList<>(trainByLearner.values()), epochs, test));
        return evaluations;
    }

    private ClassifierEvaluation trainAndEvaluate(List<ImageDataset> trains, int epochs, LearnerConfig trainConfig,
            ImageDataset test, String kind) {
        if (epochs < 1) {
            throw new IllegalArgumentException(kind + " baseline epochs is " + epochs + ", expected >= 1");
        }
        long startNanos = System.nanoTime();
        Weights trained = Dl4jTraining.train(initial, trains, trainConfig, epochs, trainConfig.seed());

        float[][] probabilities = Dl4jTraining.predictProbabilities(trained, test);
        int[] labels = new int[test.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = test.label(i);
        }
        ClassifierEvaluation evaluation = ClassifierEvaluation.of(labels, probabilities, test.classNames());
        log.info("{} baseline on {} training events, {} epochs: test accuracy {} in {} ms", kind,
                trains.stream().mapToInt(ImageDataset::size).sum(), epochs,
                String.format("%.4f", evaluation.accuracy()), (System.nanoTime() - startNanos) / 1_000_000);
        return evaluation;
    }
}
