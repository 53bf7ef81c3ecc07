package org.larco.node.simulate;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.larco.lartpc.config.DetectorConfig;
import org.larco.lartpc.data.ImageDataset;
import org.larco.lartpc.data.LearnerSplits;
import org.larco.lartpc.data.Task;
import org.larco.lartpc.sim.DatasetGenerator;

/**
 * Each group's private data (generated with its own detector preset) and the common held-out
 * test set, drawn from every group with seeds disjoint from the private data.
 */
public record SimulationData(List<LearnerSplits> groups, ImageDataset commonTest) {

    /** Fractions of each group's events used for training and voting; the rest is its test set. */
    static final double TRAIN_FRACTION = 0.6;
    static final double VOTE_FRACTION = 0.2;

    /** Seed offset between a group's private data and its share of the common test set. */
    private static final long COMMON_TEST_SEED_OFFSET = 1_000_003;

    public static SimulationData generate(SimulationOptions options, PrintStream progress) {
        List<LearnerSplits> groups = new ArrayList<>();
        List<ImageDataset> testShares = new ArrayList<>();
        for (int i = 0; i < options.learners(); i++) {
            String preset = options.presetOf(i);
            DatasetGenerator generator = new DatasetGenerator(DetectorConfig.preset(preset), Task.SINGLE_PARTICLE);
            long groupSeed = options.seed() * 7919 + i;

            progress.printf("  %-8s preset %-10s generating %d private events%n",
                    SimulationOptions.learnerName(i), preset, options.eventsPerLearner());
            ImageDataset own = generator.generate(options.eventsPerLearner(), groupSeed, options.threads());
            groups.add(LearnerSplits.split(own, TRAIN_FRACTION, VOTE_FRACTION));
            testShares.add(generator.generate(options.testEventsPerGroup(), groupSeed + COMMON_TEST_SEED_OFFSET, options.threads()));
        }
        return new SimulationData(groups, ImageDataset.concat(testShares));
    }
}
