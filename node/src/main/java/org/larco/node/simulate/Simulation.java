package org.larco.node.simulate;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.larco.abci.LarcoApplication;
import org.larco.lartpc.data.LearnerSplits;
import org.larco.node.chain.EmbeddedDevChain;
import org.larco.node.daemon.LearnerNode;
import org.larco.node.daemon.TestSetEvaluator;
import org.larco.node.daemon.VertxRuntime;
import org.larco.node.eval.ClassifierEvaluation;
import org.larco.node.learner.Dl4jLearner;
import org.larco.node.learner.Learner;
import org.larco.node.learner.LearnerConfig;
import org.larco.node.learner.ModelSpec;
import org.larco.node.ledger.LedgerReader;
import org.larco.node.report.RoundRecord;
import org.larco.node.report.SimulationReport;
import org.larco.node.round.LearnerWorker;
import org.larco.node.store.BlobStore;
import org.larco.node.weights.Weights;
import org.larco.protocol.keys.NodeKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The main job: N learners with different detector simulations train one model together over the
 * embedded dev chain in one JVM. The shared model is then compared on a common held-out test set
 * with each learner trained alone and with a model trained on the pooled data.
 */
public final class Simulation {

    private static final Logger log = LoggerFactory.getLogger(Simulation.class);
    private static final String CHAIN_ID = "larco-simulate";
    private static final long EXPERIMENT_ID = 1;

    private final SimulationOptions options;
    private final PrintStream out;
    private final List<LearnerNode> nodes = new ArrayList<>();
    private Vertx vertx;
    private EmbeddedDevChain chain;

    public Simulation(SimulationOptions options, PrintStream out) {
        this.options = options.validate();
        this.out = out;
    }

    /** Runs the simulation to the end and returns its results; blocks the calling thread. */
    public SimulationResult run() throws Exception {
        long startNanos = System.nanoTime();
        if (OutputFolder.prepare(options.outDir())) {
            out.println("Replacing the earlier simulation in " + options.outDir().toAbsolutePath());
        }
        out.printf("LArCo simulate: %d learners, %d rounds, %d events per learner, seed %d%n",
                options.learners(), options.rounds(), options.eventsPerLearner(), options.seed());
        out.println("Generating each group's data with its own detector preset:");
        SimulationData data = SimulationData.generate(options, out);

        ModelSpec spec = specFor(data);
        Weights initial = Weights.initial(spec, options.seed());
        List<NodeKey> keys = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < options.learners(); i++) {
            keys.add(NodeKey.generate());
            names.add(SimulationOptions.learnerName(i));
        }
        List<Integer> ports = choosePorts();
        byte[] genesis = SimulationGenesis.appState(names, keys, ports, spec, initial, options);

        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        vertx = VertxRuntime.create(registry);
        boolean completed = false;
        try {
            SimulationResult result = runOnChain(vertx, registry, data, spec, initial, keys, names, ports, genesis, startNanos);
            completed = true;
            return result;
        } finally {
            if (!options.keepServing() || !completed) {
                close();
            }
        }
    }

    /** Returns the learner nodes while they run; the list is empty after {@link #close()}. */
    public List<LearnerNode> nodes() {
        return List.copyOf(nodes);
    }

    /** Stops the nodes, the chain and Vert.x; needed only after a run with keepServing. */
    public synchronized void close() {
        for (LearnerNode node : nodes) {
            node.close().await();
        }
        nodes.clear();
        if (chain != null) {
            chain.close().await();
            chain = null;
        }
        if (vertx != null) {
            vertx.close().await();
            vertx = null;
        }
    }

    private SimulationResult runOnChain(Vertx vertx, PrometheusMeterRegistry registry, SimulationData data, ModelSpec spec,
            Weights initial, List<NodeKey> keys, List<String> names, List<Integer> ports, byte[] genesis, long startNanos)
            throws Exception {
        Path chainHome = options.outDir().resolve("chain");
        LarcoApplication app = LarcoApplication.open(chainHome.resolve("app"));
        chain = EmbeddedDevChain.start(vertx, app, chainHome, CHAIN_ID, genesis, options.blockIntervalMs()).await();
        LedgerReader ledger = new LedgerReader(chain);

        Dl4jLearner referee = newLearner(initial, new LearnerSplits(data.commonTest(), data.commonTest(), data.commonTest()), -1);
        LearnerWorker refereeWorker = new LearnerWorker(vertx, "referee");
        Map<String, String> namesByKey = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            namesByKey.put(keys.get(i).publicKeyHex(), names.get(i));
        }
        SharedModelScorer scorer = new SharedModelScorer(referee, refereeWorker, data.commonTest(), options.outDir());
        RoundTablePrinter printer = new RoundTablePrinter(out, names);
        RoundCollector.SharedScorer liveScorer = options.deferSharedScoring()
                ? head -> io.vertx.core.Future.succeededFuture(Double.NaN)
                : scorer::score;
        RoundCollector collector = new RoundCollector(EXPERIMENT_ID, names, namesByKey, ledger, liveScorer,
                (record, round) -> printer.print(record));
        chain.onNewBlock(collector::onNewBlock);

        out.println();
        out.println("Starting " + names.size() + " learner nodes on the embedded dev chain (single authority, not Byzantine fault tolerant):");
        for (int i = 0; i < names.size(); i++) {
            Path home = options.outDir().resolve("nodes").resolve(names.get(i));
            if (i == 0) {
                BlobStore.open(home.resolve("blobs")).put(initial.blob());
            }
            Learner learner = options.garbageLearners().contains(names.get(i))
                    ? new GarbageLearner(newLearner(initial, data.groups().get(i), i), options.seed() + i)
                    : newLearner(initial, data.groups().get(i), i);
            Dl4jLearner evaluatorLearner = learner instanceof Dl4jLearner dl4j ? dl4j : ((GarbageLearner) learner).delegate();
            LearnerNode.Parts parts = new LearnerNode.Parts(names.get(i), keys.get(i), home, "127.0.0.1", ports.get(i), Optional.empty(), CHAIN_ID,
                    learner, new TestSetEvaluator(evaluatorLearner, data.groups().get(i).test()), Optional.empty(), registry);
            LearnerNode node = LearnerNode.start(vertx, chain, parts, collector.listenerFor(names.get(i))).await();
            nodes.add(node);
            out.printf("  %-8s %-10s %s  (train %d, vote %d, test %d events)%n", names.get(i), options.presetOf(i), node.endpoint(),
                    data.groups().get(i).train().size(), data.groups().get(i).vote().size(), data.groups().get(i).test().size());
        }
        out.println();
        printer.printHeader();

        List<RoundRecord> records = collector.finished().await();
        if (options.deferSharedScoring()) {
            records = collector.withSharedAccuracy(scorer::scoreNow);
            out.println();
            out.println("Shared model accuracy on the common test set after each round, scored now:");
            records.forEach(record -> out.printf(java.util.Locale.ROOT, "  round %d: %.3f%n", record.round(), record.sharedTestAccuracy()));
        }
        String headHex = HexFormat.of().formatHex(ledger.experiment(EXPERIMENT_ID).await().getHead().toByteArray());
        waitForAdoption(nodes, headHex);

        out.println();
        if (options.compareBaselines()) {
            out.println("Training the comparison models on the same budget (each learner alone, and all data pooled) ...");
        }
        Weights shared = scorer.load(headHex);
        Map<String, ClassifierEvaluation> comparison = FinalComparison.run(learnerConfig(-1), initial, shared, data, names, options, referee);
        SimulationResult result = new SimulationResult(records, comparison, headHex, nodes.stream().map(n -> n.engine().adoptedHeadHex()).toList(),
                Duration.ofNanos(System.nanoTime() - startNanos), collector.timings());
        SimulationReport.write(options.outDir(), names, records, comparison, data.commonTest().classNames());
        RoundTimingCsv.write(options.outDir().resolve("round-timings.csv"), result.timings());
        new SummaryPrinter(out).print(result, data.commonTest().classNames(), options.outDir());

        refereeWorker.close();
        if (options.keepServing()) {
            out.println("Nodes keep serving; status page: " + nodes.get(0).endpoint() + "/ (Ctrl-C stops)");
        }
        return result;
    }

    private ModelSpec specFor(SimulationData data) {
        var sample = data.commonTest();
        return ModelSpec.defaultFor(sample.planes(), sample.height(), sample.width(), sample.classNames().size());
    }

    private Dl4jLearner newLearner(Weights initial, LearnerSplits splits, int index) {
        String name = index < 0 ? "referee" : SimulationOptions.learnerName(index);
        return new Dl4jLearner(name, learnerConfig(index), initial, splits);
    }

    private LearnerConfig learnerConfig(int index) {
        return LearnerConfig.defaults(options.seed() * 31 + index + 1)
                .withEpochsPerRound(options.epochsPerRound())
                .withBatchSize(options.batchSize());
    }

    /** Waits until every learner has adopted the final head, which takes a few blocks after the last round closes. */
    private void waitForAdoption(List<LearnerNode> nodes, String headHex) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (nodes.stream().allMatch(n -> n.engine().adoptedHeadHex().equals(headHex))) {
                return;
            }
            Thread.sleep(options.blockIntervalMs());
        }
        log.warn("not every learner adopted head {} within 60 s", headHex);
    }

    private List<Integer> choosePorts() throws IOException {
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < options.learners(); i++) {
            if (options.httpPort() > 0) {
                ports.add(options.httpPort() + i);
            } else {
                try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                    ports.add(socket.getLocalPort());
                }
            }
        }
        return ports;
    }
}
