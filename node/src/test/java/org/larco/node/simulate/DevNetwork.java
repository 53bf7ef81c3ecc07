package org.larco.node.simulate;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.larco.abci.LarcoApplication;
import org.larco.lartpc.config.DetectorConfig;
import org.larco.lartpc.data.LearnerSplits;
import org.larco.lartpc.data.Task;
import org.larco.lartpc.sim.DatasetGenerator;
import org.larco.node.chain.EmbeddedDevChain;
import org.larco.node.daemon.LearnerNode;
import org.larco.node.daemon.TestSetEvaluator;
import org.larco.node.daemon.VertxRuntime;
import org.larco.node.learner.Dl4jLearner;
import org.larco.node.learner.LearnerConfig;
import org.larco.node.learner.ModelSpec;
import org.larco.node.ledger.LedgerReader;
import org.larco.node.round.RoundListener;
import org.larco.node.store.BlobStore;
import org.larco.node.weights.Weights;
import org.larco.protocol.keys.NodeKey;
import org.larco.protocol.tx.Round;

/**
 * Members of an embedded dev chain whose nodes a test starts and stops one by one, to exercise
 * restarts and unreachable peers. Tiny data: a few hundred events per member.
 */
final class DevNetwork implements AutoCloseable {

    private static final String CHAIN_ID = "larco-test";

    /** Bearer token of every node's admin endpoints. */
    static final String ADMIN_TOKEN = "test-admin-token";

    private final Path dir;
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Vertx vertx = VertxRuntime.create(registry);
    private final List<NodeKey> keys = new ArrayList<>();
    private final List<Integer> ports = new ArrayList<>();
    private final List<LearnerSplits> data = new ArrayList<>();
    private final List<LearnerNode> running = new ArrayList<>();
    private final Weights initial;
    private final EmbeddedDevChain chain;
    private final LedgerReader ledger;

    DevNetwork(Path dir, int members, int rounds, int deadlineBlocks) throws Exception {
        this(dir, members, 0, rounds, deadlineBlocks);
    }

    /** A network whose last {@code newcomers} members are not in genesis and must join. */
    DevNetwork(Path dir, int members, int newcomers, int rounds, int deadlineBlocks) throws Exception {
        this.dir = dir;
        ModelSpec spec = ModelSpec.defaultFor(3, 64, 64, 5);
        initial = Weights.initial(spec, 3);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            names.add(SimulationOptions.learnerName(i));
            keys.add(NodeKey.generate());
            ports.add(freePort());
            DatasetGenerator generator = new DatasetGenerator(DetectorConfig.preset("microboone"), Task.SINGLE_PARTICLE);
            data.add(LearnerSplits.split(generator.generate(150, 40 + i, 1), 0.6, 0.2));
        }
        SimulationOptions options = new SimulationOptions(members, rounds, 150, 10, SimulationOptions.DEFAULT_PRESETS, 3, 1, 32,
                1, 2, 50, deadlineBlocks, dir, 0, false, List.of(), 1, false, false);
        int founders = members - newcomers;
        byte[] genesis = SimulationGenesis.appState(names.subList(0, founders), keys.subList(0, founders),
                ports.subList(0, founders), spec, initial, options);
        LarcoApplication app = LarcoApplication.open(dir.resolve("chain/app"));
        chain = EmbeddedDevChain.start(vertx, app, dir.resolve("chain"), CHAIN_ID, genesis, 50).await();
        ledger = new LedgerReader(chain);
        for (int i = 0; i < members; i++) {
            BlobStore.open(homeOf(i).resolve("blobs")).put(initial.blob());
        }
    }

    /** Starts member {@code index}'s node on its fixed port, with a fresh learner process state. */
    LearnerNode start(int index, RoundListener listener) {
        Dl4jLearner learner = new Dl4jLearner(SimulationOptions.learnerName(index), LearnerConfig.defaults(index + 1), initial,
                data.get(index));
        LearnerNode.Parts parts = new LearnerNode.Parts(SimulationOptions.learnerName(index), keys.get(index), homeOf(index),
                "127.0.0.1", ports.get(index), Optional.empty(), CHAIN_ID, learner, new TestSetEvaluator(learner, data.get(index).test()),
                Optional.of(ADMIN_TOKEN), registry);
        LearnerNode node = LearnerNode.start(vertx, chain, parts, listener).await();
        running.add(node);
        return node;
    }

    void stop(LearnerNode node) {
        node.close().await();
        running.remove(node);
    }

    /** Polls round {@code round} of experiment 1 until it satisfies {@code condition}. */
    Round awaitRound(long round, Predicate<Round> condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Round last = null;
        while (System.nanoTime() < deadline) {
            try {
                last = ledger.round(1, round).await();
                if (condition.test(last)) {
                    return last;
                }
            } catch (RuntimeException notOpenYet) {
                // The round does not exist yet; keep polling.
            }
            Thread.sleep(100);
        }
        throw new AssertionError("round " + round + " did not reach the expected state within " + timeout + "; last seen: " + last);
    }

    List<org.larco.protocol.tx.Member> members() {
        return ledger.members().await().getMembersList();
    }

    String memberKeyHex(int index) {
        return keys.get(index).publicKeyHex();
    }

    String endpointOf(int index) {
        return "http://127.0.0.1:" + ports.get(index);
    }

    private Path homeOf(int index) {
        return dir.resolve("nodes").resolve(SimulationOptions.learnerName(index));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        for (LearnerNode node : List.copyOf(running)) {
            stop(node);
        }
        chain.close().await();
        vertx.close().await();
    }
}
