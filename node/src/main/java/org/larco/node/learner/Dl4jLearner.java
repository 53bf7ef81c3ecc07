package org.larco.node.learner;

import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.larco.lartpc.data.ImageDataset;
import org.larco.lartpc.data.LearnerSplits;
import org.larco.node.eval.ClassifierEvaluation;
import org.larco.node.weights.Weights;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DL4J learner: a CNN from a {@link ModelSpec} trained on the node's train split, voting by
 * accuracy on its vote split and reporting accuracy on its test split. Inputs are scaled by
 * {@link InputScaling}.
 *
 * <p>Thread-safety: {@link #proposeWeights} holds the training lock and trains a network of its
 * own, so concurrent proposals run one at a time. Scoring ({@link #testWeights} and the evaluate
 * methods) holds the evaluation lock, which guards the one inference network and the cached vote
 * score of the current weights. Training and scoring can overlap. The current weights are an
 * immutable value behind a volatile field, so {@link #acceptWeights} and {@link #currentWeights}
 * take neither lock.
 *
 * <p>Reproducibility: the n-th proposal of a learner shuffles with a seed derived from
 * {@code config.seed()} and n, so equal data, weights and config give equal proposals on the
 * same CPU with the same number of ND4J threads. Other thread counts change the floating-point
 * summation order and so the weights' hash.
 */
public final class Dl4jLearner implements Learner {

    private static final Logger log = LoggerFactory.getLogger(Dl4jLearner.class);

    private final String name;
    private final LearnerConfig config;
    private final ModelSpec spec;
    private final List<String> classNames;
    private final ImageBatches train;
    private final ImageBatches vote;
    private final ImageBatches test;
    private final VoteRule voteRule;

    private final Object trainingLock = new Object();
    private final Object evaluationLock = new Object();
    private volatile Weights current;

    private long proposals; // guarded by trainingLock
    private MultiLayerNetwork inferenceNet; // guarded by evaluationLock
    private Weights scoredWeights; // guarded by evaluationLock
    private double scoredVoteScore; // guarded by evaluationLock

    /**
     * Creates a learner whose current weights are {@code initial}, as all members of an
     * experiment start from the experiment's initial weights.
     *
     * @param name learner name, used in logs and errors
     * @throws IllegalArgumentException if a split is empty or does not match the spec's input
     */
    public Dl4jLearner(String name, LearnerConfig config, Weights initial, LearnerSplits splits, VoteRule voteRule) {
        this.name = name;
        this.config = config;
        this.spec = initial.spec();
        this.classNames = List.copyOf(splits.train().classNames());
        this.train = ImageBatches.of(spec, List.of(splits.train()), name + " train");
        this.vote = ImageBatches.of(spec, List.of(splits.vote()), name + " vote");
        this.test = ImageBatches.of(spec, List.of(splits.test()), name + " test");
        this.voteRule = voteRule;
        this.current = initial;
        log.info("learner {} ready: spec {}, weights {}, {} train / {} vote / {} test events",
                name, shortHash(spec.sha256Hex()), shortHash(initial.sha256Hex()), train.size(), vote.size(),
                test.size());
    }

    /** Creates a learner that starts from {@code initial} and approves proposals that are not worse. */
    public Dl4jLearner(String name, LearnerConfig config, Weights initial, LearnerSplits splits) {
        this(name, config, initial, splits, VoteRule.notWorse());
    }

    /** Creates a learner that starts from the spec's initial weights for {@code config.seed()}. */
    public Dl4jLearner(LearnerConfig config, ModelSpec spec, LearnerSplits splits) {
        this("learner", config, Weights.initial(spec, config.seed()), splits);
    }

    @Override
    public Weights proposeWeights() {
        synchronized (trainingLock) {
            Weights start = current;
            long proposal = proposals++;
            long startNanos = System.nanoTime();

            Weights proposed = Dl4jTraining.train(start, train, config, config.epochsPerRound(),
                    shuffleSeed(proposal));

            log.info("learner {} proposal {} trained from {} in {} ms: {}", name, proposal,
                    shortHash(start.sha256Hex()), (System.nanoTime() - startNanos) / 1_000_000,
                    shortHash(proposed.sha256Hex()));
            return proposed;
        }
    }

    @Override
    public TestResult testWeights(Weights weights) {
        requireSpec(weights);
        synchronized (evaluationLock) {
            double currentVoteScore = currentVoteScore();
            double voteScore = accuracy(weights, vote);
            double testScore = accuracy(weights, test);
            boolean approve = voteRule.approve(voteScore, currentVoteScore);

            log.info("learner {} tested {}: vote score {} (current {}), test score {}, {}", name,
                    shortHash(weights.sha256Hex()), format(voteScore), format(currentVoteScore),
                    format(testScore), approve ? "approve" : "reject");
            return new TestResult(voteScore, testScore, approve);
        }
    }

    @Override
    public void acceptWeights(Weights weights) {
        requireSpec(weights);
        current = weights;
        log.info("learner {} accepted {}", name, shortHash(weights.sha256Hex()));
    }

    @Override
    public Weights currentWeights() {
        return current;
    }

    public String name() {
        return name;
    }

    public ModelSpec spec() {
        return spec;
    }

    /** Evaluates {@code weights} on this learner's test split. */
    public ClassifierEvaluation evaluateOnTest(Weights weights) {
        return evaluate(weights, test);
    }

    /** Evaluates {@code weights} on any dataset of the spec's shape, such as a common test set. */
    public ClassifierEvaluation evaluate(Weights weights, ImageDataset data) {
        return evaluate(weights, ImageBatches.of(spec, List.of(data), "evaluation"));
    }

    /** Returns class probabilities of {@code weights}, one row per event of {@code data}. */
    public float[][] predictProbabilities(Weights weights, ImageDataset data) {
        return predict(weights, ImageBatches.of(spec, List.of(data), "evaluation"));
    }

    private double currentVoteScore() {
        Weights weights = current;
        if (!weights.equals(scoredWeights)) {
            scoredVoteScore = accuracy(weights, vote);
            scoredWeights = weights;
        }
        return scoredVoteScore;
    }

    private double accuracy(Weights weights, ImageBatches data) {
        return evaluate(weights, data).accuracy();
    }

    private ClassifierEvaluation evaluate(Weights weights, ImageBatches data) {
        float[][] probabilities = predict(weights, data);
        int[] labels = new int[data.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = data.label(i);
        }
        return ClassifierEvaluation.of(labels, probabilities, classNames);
    }

    private float[][] predict(Weights weights, ImageBatches data) {
        requireSpec(weights);
        synchronized (evaluationLock) {
            if (inferenceNet == null) {
                inferenceNet = spec.build(config.seed());
            }
            weights.copyInto(inferenceNet);
            return Dl4jTraining.predict(inferenceNet, data);
        }
    }

    private long shuffleSeed(long proposal) {
        // An odd 64-bit constant spreads consecutive proposals over the seed space.
        return config.seed() * 0x9E3779B97F4A7C15L + proposal;
    }

    private void requireSpec(Weights weights) {
        if (!weights.spec().equals(spec)) {
            throw new IllegalArgumentException("learner " + name + " cannot use weights "
                    + weights.sha256Hex() + ": their model spec is " + weights.spec().sha256Hex()
                    + ", this learner's is " + spec.sha256Hex());
        }
    }

    private static String shortHash(String hex) {
        return hex.substring(0, 12);
    }

    private static String format(double score) {
        return String.format("%.4f", score);
    }
}
