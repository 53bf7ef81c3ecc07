package org.larco.node.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.larco.node.learner.ModelSpec;
import org.larco.node.store.BlobStore;
import org.larco.node.weights.Weights;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code larco model}: model set-up for a new experiment. */
@Command(name = "model", mixinStandardHelpOptions = true, description = "Creates initial models for experiments.",
        subcommands = ModelCommand.Init.class)
public final class ModelCommand implements Runnable {

    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing subcommand; try 'larco model init --help'");
    }

    /** Writes the default CNN's initial weights into a node's blob store and prints the genesis hashes. */
    @Command(name = "init", mixinStandardHelpOptions = true,
            description = "Writes initial weights of the default CNN into HOME/blobs and prints model_spec_hash and initial_weights_hash as JSON.")
    static final class Init implements Callable<Integer> {

        @Option(names = "--home", required = true, description = "Node home folder; the blob goes to HOME/blobs.")
        Path home;

        @Option(names = "--seed", defaultValue = "1", description = "Initialisation seed. Default: ${DEFAULT-VALUE}.")
        long seed;

        @Option(names = "--planes", defaultValue = "3", description = "Input planes. Default: ${DEFAULT-VALUE}.")
        int planes;

        @Option(names = "--size", defaultValue = "64", description = "Image height and width in pixels. Default: ${DEFAULT-VALUE}.")
        int size;

        @Option(names = "--classes", defaultValue = "5", description = "Output classes. Default: ${DEFAULT-VALUE}.")
        int classes;

        @Override
        public Integer call() throws Exception {
            ModelSpec modelSpec = ModelSpec.defaultFor(planes, size, size, classes);
            Weights initial = Weights.initial(modelSpec, seed);
            BlobStore.open(home.resolve("blobs")).put(initial.blob());
            var json = new ObjectMapper().createObjectNode()
                    .put("model_spec_hash", modelSpec.sha256Hex())
                    .put("initial_weights_hash", initial.sha256Hex());
            System.out.println(json.toString());
            return 0;
        }
    }
}
