package org.larco.node.learner;

/**
 * Training settings of one learner.
 *
 * @param epochsPerRound passes over the training set per proposal
 * @param batchSize events per gradient step
 * @param learningRate Adam learning rate
 * @param seed seeds the initial weights (when the learner builds them) and the shuffling, so a
 *     learner given the same data and weights proposes the same update on the same CPU with
 *     the same number of threads
 * @param maxTrainBatchesPerRound cap on gradient steps per proposal, 0 for no cap
 */
public record LearnerConfig(int epochsPerRound, int batchSize, double learningRate, long seed,
        int maxTrainBatchesPerRound) {

    public LearnerConfig {
        if (epochsPerRound < 1) {
            throw new IllegalArgumentException("learner epochsPerRound is " + epochsPerRound + ", expected >= 1");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("learner batchSize is " + batchSize + ", expected >= 1");
        }
        if (!(learningRate > 0 && learningRate < 1)) {
            throw new IllegalArgumentException("learner learningRate is " + learningRate
                    + ", expected a value in (0, 1) such as 0.001");
        }
        if (maxTrainBatchesPerRound < 0) {
            throw new IllegalArgumentException("learner maxTrainBatchesPerRound is " + maxTrainBatchesPerRound
                    + ", expected 0 (no cap) or a positive count");
        }
    }

    /** Returns one epoch per round, batches of 32, learning rate 0.001, no batch cap. */
    public static LearnerConfig defaults(long seed) {
        return new LearnerConfig(1, 32, ModelSpec.DEFAULT_LEARNING_RATE, seed, 0);
    }

    /** Returns {@link #defaults(long)} with seed 1. */
    public static LearnerConfig defaults() {
        return defaults(1);
    }

    public LearnerConfig withSeed(long newSeed) {
        return new LearnerConfig(epochsPerRound, batchSize, learningRate, newSeed, maxTrainBatchesPerRound);
    }

    public LearnerConfig withEpochsPerRound(int epochs) {
        return new LearnerConfig(epochs, batchSize, learningRate, seed, maxTrainBatchesPerRound);
    }

    public LearnerConfig withBatchSize(int size) {
        return new LearnerConfig(epochsPerRound, size, learningRate, seed, maxTrainBatchesPerRound);
    }

    public LearnerConfig withLearningRate(double rate) {
        return new LearnerConfig(epochsPerRound, batchSize, rate, seed, maxTrainBatchesPerRound);
    }

    public LearnerConfig withMaxTrainBatchesPerRound(int maxBatches) {
        return new LearnerConfig(epochsPerRound, batchSize, learningRate, seed, maxBatches);
    }
}
