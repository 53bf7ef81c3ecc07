package org.larco.node.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.larco.node.config.NodeConfig;
import org.larco.node.config.NodeConfigLoader;
import org.larco.node.daemon.NodeDaemon;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code larco node}: runs one stakeholder's learner node until it is stopped. */
@Command(name = "node", mixinStandardHelpOptions = true,
        description = {
            "Runs one stakeholder's learner node until it is stopped.",
            "",
            "The node trains on this stakeholder's private data, proposes and votes through a CometBFT node's "
                    + "RPC (chain.mode: cometbft) or an embedded dev chain (chain.mode: embedded; single authority, "
                    + "not Byzantine fault tolerant), and serves the status page, the JSON API, /metrics and "
                    + "/blobs on its HTTP port."
        })
public final class NodeCommand implements Callable<Integer> {

    @Option(names = "--config", required = true, description = "Node configuration YAML file.")
    Path config;

    @Override
    public Integer call() throws Exception {
        NodeConfig nodeConfig = NodeConfigLoader.load(config);
        NodeDaemon daemon = NodeDaemon.start(nodeConfig, System.out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            daemon.stop();
            stopped.countDown();
        }, "larco-node-shutdown"));
        stopped.await();
        return 0;
    }
}
