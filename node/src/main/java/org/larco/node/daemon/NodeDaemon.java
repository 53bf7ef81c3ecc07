package org.larco.node.daemon;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.nio.file.Files;
import org.larco.abci.LarcoApplication;
import org.larco.lartpc.config.DetectorConfig;
import org.larco.lartpc.data.Hdf5Datasets;
import org.larco.lartpc.data.ImageDataset;
import org.larco.lartpc.data.LearnerSplits;
import org.larco.lartpc.data.Task;
import org.larco.lartpc.sim.DatasetGenerator;
import org.larco.node.chain.ChainClient;
import org.larco.node.chain.CometBftClient;
import org.larco.node.chain.EmbeddedDevChain;
import org.larco.node.config.NodeConfig;
import org.larco.node.learner.Dl4jLearner;
import org.larco.node.learner.LearnerConfig;
import org.larco.node.learner.ModelSpec;
import org.larco.node.weights.Weights;
import org.larco.protocol.keys.NodeKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds and runs a single node from its configuration: {@code larco node --config FILE}. */
public final class NodeDaemon {

    private static final Logger log = LoggerFactory.getLogger(NodeDaemon.class);

    /** Fractions of the node's events used for training and voting; the rest is its test set. */
    private static final double TRAIN_FRACTION = 0.6;
    private static final double VOTE_FRACTION = 0.2;

    private final Vertx vertx;
    private final ChainClient chain;
    private final LearnerNode node;

    private NodeDaemon(Vertx vertx, ChainClient chain, LearnerNode node) {
        this.vertx = vertx;
        this.chain = chain;
        this.node = node;
    }

    /** Loads the key and data, connects to the chain and starts the node; blocks until it listens. */
    public static NodeDaemon start(NodeConfig config, PrintStream out) throws Exception {
        NodeKey key = NodeKey.load(config.keyFile());
        Files.createDirectories(config.home());
        LearnerSplits splits = LearnerSplits.split(loadData(config, out), TRAIN_FRACTION, VOTE_FRACTION);
        ImageDataset sample = splits.train();
        ModelSpec spec = ModelSpec.defaultFor(sample.planes(), sample.height(), sample.width(), sample.classNames().size());
        LearnerConfig learnerConfig = LearnerConfig.defaults(config.learner().seed())
                .withEpochsPerRound(config.learner().epochsPerRound())
                .withBatchSize(config.learner().batchSize());
        Dl4jLearner learner = new Dl4jLearner(config.name(), learnerConfig, Weights.initial(spec, config.learner().seed()), splits);

        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Vertx vertx = VertxRuntime.create(registry);
        ChainClient chain = connect(vertx, config);
        String chainId = chain.status().await().chainId();
        LearnerNode.Parts parts = new LearnerNode.Parts(config.name(), key, config.home(), config.httpHost(), config.httpPort(),
                config.advertisedEndpoint(), chainId, learner, new TestSetEvaluator(learner, splits.test()), config.token(), registry);
        LearnerNode node = LearnerNode.start(vertx, chain, parts, new org.larco.node.round.RoundListener() { }).await();
        out.printf("larco node %s: chain %s (%s), member key %s, status page %s/%n",
                config.name(), chainId, config.chain().mode().name().toLowerCase(java.util.Locale.ROOT), key.publicKeyHex(), node.endpoint());
        return new NodeDaemon(vertx, chain, node);
    }

    private static ImageDataset loadData(NodeConfig config, PrintStream out) {
        if (config.data().dataset().isPresent()) {
            out.println("Reading private data from " + config.data().dataset().get());
            return Hdf5Datasets.read(config.data().dataset().get());
        }
        out.printf("Generating %d private events with preset %s, seed %d%n", config.data().events(), config.data().preset(), config.data().seed());
        DatasetGenerator generator = new DatasetGenerator(DetectorConfig.preset(config.data().preset()), Task.SINGLE_PARTICLE);
        return generator.generate(config.data().events(), config.data().seed(), Runtime.getRuntime().availableProcessors());
    }

    private static ChainClient connect(Vertx vertx, NodeConfig config) throws Exception {
        NodeConfig.ChainSettings chain = config.chain();
        if (chain.mode() == NodeConfig.ChainMode.COMETBFT) {
            log.info("node={} connecting to CometBFT RPC {}", config.name(), chain.rpc());
            return CometBftClient.connect(vertx, chain.rpc());
        }
        byte[] genesis = Files.readAllBytes(chain.genesisFile().orElseThrow());
        LarcoApplication app = LarcoApplication.open(config.home().resolve("chain").resolve("app"));
        return EmbeddedDevChain.start(vertx, app, config.home().resolve("chain"), chain.chainId(), genesis, 200).await();
    }

    /** Stops the node, the chain connection and Vert.x; waits for each. */
    public void stop() {
        log.info("node={} stopping", node.name());
        node.close().await();
        chain.close().await();
        vertx.close().await();
    }
}
