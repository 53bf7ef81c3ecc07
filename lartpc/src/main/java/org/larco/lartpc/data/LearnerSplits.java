package org.larco.lartpc.data;

import java.util.SplittableRandom;

/**
 * One learner's data: the training set, the vote set (scores proposals) and the test set.
 */
public record LearnerSplits(ImageDataset train, ImageDataset vote, ImageDataset test) {

    /** Seed of the fixed shuffle, so that a dataset always splits the same way. */
    private static final long SHUFFLE_SEED = 0x4C41_5263_6F53_706CL;

    /**
     * Shuffles with a fixed seed and cuts into train, vote and the rest as test.
     *
     * @throws IllegalArgumentException when a fraction is negative or they add up to more than 1
     */
    public static LearnerSplits split(ImageDataset data, double trainFraction, double voteFraction) {
        if (!(trainFraction >= 0) || !(voteFraction >= 0) || trainFraction + voteFraction > 1.0 + 1e-9) {
            throw new IllegalArgumentException("invalid split fractions train=" + trainFraction + " vote="
                    + voteFraction + ": each must be >= 0 and their sum <= 1");
        }
        int n = data.size();
        int[] order = shuffledIndices(n);
        int trainCount = (int) Math.round(n * trainFraction);
        int voteCount = Math.min(n - trainCount, (int) Math.round(n * voteFraction));
        ImageDataset shuffled = data.select(order);
        return new LearnerSplits(
                shuffled.slice(0, trainCount),
                shuffled.slice(trainCount, trainCount + voteCount),
                shuffled.slice(trainCount + voteCount, n));
    }

    private static int[] shuffledIndices(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(SHUFFLE_SEED);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}
