package org.larco.node.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.larco.node.simulate.Simulation;
import org.larco.node.simulate.SimulationOptions;
import org.larco.node.simulate.SimulationResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code larco simulate}: a whole collaborative training on generated data, on this machine. */
@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        description = {
            "Runs a whole collaborative training on generated LArTPC data on this machine.",
            "",
            "Each learner gets its own detector preset, proposes in turn and votes on the others' proposals "
                    + "over the embedded dev chain (single authority, not Byzantine fault tolerant). A voter approves "
                    + "when the proposal scores at least as well as the current shared model on its vote set; the "
                    + "proposer does not vote. Prints a table per round and compares the shared model with each "
                    + "learner trained alone and with a model trained on the pooled data. Reusing --out replaces "
                    + "the earlier run there."
        })
public final class SimulateCommand implements Callable<Integer> {

    @Option(names = "--learners", defaultValue = "3", description = "Number of learners (2-16). Default: ${DEFAULT-VALUE}.")
    int learners;

    @Option(names = "--rounds", defaultValue = "9", description = "Rounds of the experiment. Default: ${DEFAULT-VALUE}.")
    int rounds;

    @Option(names = "--events-per-learner", defaultValue = "2500",
            description = "Private events per learner, split 60/20/20 into train, vote and test. Default: ${DEFAULT-VALUE}.")
    int eventsPerLearner;

    @Option(names = "--test-events-per-group", defaultValue = "400",
            description = "Events per group in the common held-out test set. Default: ${DEFAULT-VALUE}.")
    int testEventsPerGroup;

    @Option(names = "--presets", split = ",", defaultValue = "microboone,dune-fd,icarus",
            description = "Detector presets, assigned to learners in turn. Default: ${DEFAULT-VALUE}.")
    List<String> presets;

    @Option(names = "--seed", defaultValue = "7", description = "Master seed for data, initial model and training. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--epochs-per-round", defaultValue = "2",
            description = "Passes over the proposer's train set per proposal. Default: ${DEFAULT-VALUE}.")
    int epochsPerRound;

    @Option(names = "--batch-size", defaultValue = "32", description = "Mini-batch size. Default: ${DEFAULT-VALUE}.")
    int batchSize;

    @Option(names = "--threshold", defaultValue = "1/2",
            description = "Vote threshold num/den: accept iff approvals * den >= eligible * num. Default: ${DEFAULT-VALUE}.")
    String threshold;

    @Option(names = "--block-interval-ms", defaultValue = "100", description = "Dev chain block interval in ms. Default: ${DEFAULT-VALUE}.")
    long blockIntervalMs;

    @Option(names = "--deadline-blocks", defaultValue = "3000",
            description = "Proposal and vote deadlines in blocks. Default: ${DEFAULT-VALUE}.")
    int deadlineBlocks;

    @Option(names = "--out", defaultValue = "larco-out/simulate",
            description = "Output folder for results.json, CSV files, plots, the chain and the blob stores. Default: ${DEFAULT-VALUE}.")
    Path outDir;

    @Option(names = "--http-port", defaultValue = "0",
            description = "HTTP port of the first learner's node and status page; the others use the next ports. 0 picks free ports.")
    int httpPort;

    @Option(names = "--keep-serving", description = "Keep the nodes and status pages running after the last round, until Ctrl-C.")
    boolean keepServing;

    @Option(names = "--garbage-learner", description = "Name of a learner (e.g. group-2) that proposes random weights; repeatable.")
    List<String> garbageLearners = new ArrayList<>();

    @Option(names = "--no-baselines", description = "Skip training the alone and pooled comparison models at the end.")
    boolean noBaselines;

    @Option(names = "--defer-shared-scoring",
            description = "Score the shared model on the common test set after the last round instead of after each round,"
                    + " so scoring does not compete with the rounds for the CPU (used by the round-overhead benchmark).")
    boolean deferSharedScoring;

    @Option(names = "--threads", defaultValue = "2", description = "Threads for data generation. Default: ${DEFAULT-VALUE}.")
    int threads;

    @Override
    public Integer call() throws Exception {
        int[] fraction = parseThreshold(threshold);
        SimulationOptions options = new SimulationOptions(learners, rounds, eventsPerLearner, testEventsPerGroup, presets, seed,
                epochsPerRound, batchSize, fraction[0], fraction[1], blockIntervalMs, deadlineBlocks, outDir, httpPort, keepServing,
                garbageLearners, threads, !noBaselines, deferSharedScoring);
        Simulation simulation = new Simulation(options, System.out);
        SimulationResult result = simulation.run();
        if (keepServing) {
            Runtime.getRuntime().addShutdownHook(new Thread(simulation::close, "larco-simulate-shutdown"));
            Thread.currentThread().join();
        }
        return result.rounds().isEmpty() ? 3 : 0;
    }

    static int[] parseThreshold(String text) {
        String[] parts = text.split("/", -1);
        try {
            if (parts.length == 2) {
                return new int[] {Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim())};
            }
        } catch (NumberFormatException e) {
            // Falls through to the message below.
        }
        throw new IllegalArgumentException("invalid --threshold '" + text + "': use num/den, e.g. 1/2 or 2/3");
    }
}
