package org.larco.node.simulate;

import java.nio.file.Path;
import java.util.List;

/**
 * Settings of one {@code larco simulate} run; {@link #validate()} rejects values that cannot work.
 *
 * @param learners number of stakeholders, each with its own node and data
 * @param rounds rounds of the experiment; proposers take turns, so each learner proposes about rounds/learners times
 * @param eventsPerLearner events generated for each learner, split into train, vote and test sets
 * @param testEventsPerGroup events per group in the common held-out test set drawn from all groups
 * @param presets detector presets, assigned to learners in turn
 * @param seed master seed; data, model initialisation and training seeds derive from it
 * @param epochsPerRound passes over the proposer's train set per proposal
 * @param batchSize mini-batch size
 * @param thresholdNum numerator of the vote threshold
 * @param thresholdDen denominator of the vote threshold
 * @param blockIntervalMs block interval of the embedded dev chain
 * @param deadlineBlocks proposal and vote deadlines, in blocks
 * @param outDir folder for results, plots, the chain and each node's blob store
 * @param httpPort HTTP port of the first learner's node (the others take the next ports); 0 picks free ports
 * @param keepServing keep the nodes and the status page running after the last round
 * @param garbageLearners names of learners that propose random weights, for demonstrations and tests
 * @param threads threads for data generation
 * @param compareBaselines train the alone and pooled reference models at the end
 * @param deferSharedScoring score the shared model on the common test set after the last round
 *     instead of after each round, so that scoring does not compete with the rounds for the CPU
 */
public record SimulationOptions(
        int learners,
        int rounds,
        int eventsPerLearner,
        int testEventsPerGroup,
        List<String> presets,
        long seed,
        int epochsPerRound,
        int batchSize,
        int thresholdNum,
        int thresholdDen,
        long blockIntervalMs,
        int deadlineBlocks,
        Path outDir,
        int httpPort,
        boolean keepServing,
        List<String> garbageLearners,
        int threads,
        boolean compareBaselines,
        boolean deferSharedScoring) {

    public static final List<String> DEFAULT_PRESETS = List.of("microboone", "dune-fd", "icarus");

    /** Throws IllegalArgumentException naming the first invalid option and the fix. */
    public SimulationOptions validate() {
        require(learners >= 2 && learners <= 16, "--learners", learners, "use 2 to 16 learners");
        require(rounds >= 1 && rounds <= 1000, "--rounds", rounds, "use 1 to 1000 rounds");
        require(eventsPerLearner >= 50, "--events-per-learner", eventsPerLearner, "use at least 50 events, so each split has events");
        require(testEventsPerGroup >= 10, "--test-events-per-group", testEventsPerGroup, "use at least 10 events");
        require(!presets.isEmpty(), "--presets", presets, "name at least one preset");
        require(seed >= 0, "--seed", seed, "use a seed >= 0");
        require(epochsPerRound >= 1 && epochsPerRound <= 100, "--epochs-per-round", epochsPerRound, "use 1 to 100");
        require(batchSize >= 1 && batchSize <= 4096, "--batch-size", batchSize, "use 1 to 4096");
        require(thresholdDen >= 1 && thresholdNum >= 0 && thresholdNum <= thresholdDen,
                "--threshold", thresholdNum + "/" + thresholdDen, "use num/den with 0 <= num <= den and den >= 1");
        require(blockIntervalMs >= 10 && blockIntervalMs <= 60_000, "--block-interval-ms", blockIntervalMs, "use 10 to 60000 ms");
        require(deadlineBlocks >= 5, "--deadline-blocks", deadlineBlocks, "use at least 5 blocks");
        require(httpPort >= 0 && httpPort + learners - 1 <= 65535, "--http-port", httpPort, "use 0 or a port with room for one port per learner");
        require(threads >= 1 && threads <= 256, "--threads", threads, "use 1 to 256 threads");
        return this;
    }

    /** Name of learner {@code index} (0-based): group-1, group-2, ... */
    public static String learnerName(int index) {
        return "group-" + (index + 1);
    }

    public String presetOf(int learnerIndex) {
        return presets.get(learnerIndex % presets.size());
    }

    private static void require(boolean valid, String option, Object value, String fix) {
        if (!valid) {
            throw new IllegalArgumentException("invalid " + option + " '" + value + "': " + fix);
        }
    }
}
