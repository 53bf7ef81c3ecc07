package org.larco.node.daemon;

import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.larco.node.chain.ChainClient;
import org.larco.node.chain.ChainEvent;
import org.larco.node.chain.NewBlock;
import org.larco.node.http.HttpApi;
import org.larco.node.learner.Learner;
import org.larco.node.ledger.LedgerReader;
import org.larco.node.ledger.TxSubmitter;
import org.larco.node.round.AdmissionPolicy;
import org.larco.node.round.LearnerWorker;
import org.larco.node.round.RoundEngine;
import org.larco.node.round.RoundListener;
import org.larco.node.round.WeightsSource;
import org.larco.node.store.BlobFetcher;
import org.larco.node.store.BlobRoutes;
import org.larco.node.store.BlobStore;
import org.larco.protocol.keys.NodeKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One stakeholder's node: its learner, blob store, round engine and HTTP API, attached to a chain.
 *
 * <p>The same class runs alone ({@code larco node}) and N times in one JVM ({@code larco simulate});
 * nodes share nothing but the Vert.x instance and, in a simulation, the chain client.
 */
public final class LearnerNode {

    private static final Logger log = LoggerFactory.getLogger(LearnerNode.class);

    /**
     * Parts of a node.
     *
     * @param name member name
     * @param key the member's signing key
     * @param home folder for the blob store
     * @param httpHost address the HTTP API binds to
     * @param httpPort HTTP port, 0 for a free one
     * @param advertisedEndpoint blob endpoint announced in Join; defaults to http://httpHost:port
     * @param chainId chain id that transactions sign
     * @param learner the local learner
     * @param evaluator scores adopted heads on this node's test set for the page
     * @param token bearer token of the admin endpoints
     * @param registry metrics registry shared with Vert.x
     */
    public record Parts(
            String name,
            NodeKey key,
            Path home,
            String httpHost,
            int httpPort,
            Optional<String> advertisedEndpoint,
            String chainId,
            Learner learner,
            HeadEvaluator evaluator,
            Optional<String> token,
            PrometheusMeterRegistry registry) {
    }

    private final Parts parts;
    private final List<LearnerWorker> workers;
    private final RoundEngine engine;
    private final HttpApi httpApi;
    private final LocalHistory history;
    private final Map<String, String> lastRoundStatus = new HashMap<>();

    private LearnerNode(Parts parts, List<LearnerWorker> workers, RoundEngine engine, HttpApi httpApi, LocalHistory history) {
        this.parts = parts;
        this.workers = workers;
        this.engine = engine;
        this.httpApi = httpApi;
        this.history = history;
    }

    /** Starts the HTTP API and then the round engine, which acts from the next block on. */
    public static Future<LearnerNode> start(Vertx vertx, ChainClient chain, Parts parts, RoundListener extraListener) {
        BlobStore store = BlobStore.open(parts.home().resolve("blobs"));
        BlobFetcher fetcher = new BlobFetcher(vertx, store);
        LearnerWorker worker = new LearnerWorker(vertx, parts.name());
        WeightsSource weights = new WeightsSource(store, fetcher, worker);
        LedgerReader ledger = new LedgerReader(chain);
        TxSubmitter submitter = new TxSubmitter(chain, ledger, parts.key(), parts.chainId(), parts.name());

        LocalHistory history = new LocalHistory();
        AtomicReference<String> advertised = new AtomicReference<>("");
        LearnerWorker pageWorker = new LearnerWorker(vertx, parts.name() + "-page");
        ModelViewCache modelViews = new ModelViewCache(parts.evaluator(), pageWorker, weights);
        history.forwardTo(modelViews);
        history.forwardTo(countingListener(parts));
        history.forwardTo(extraListener);

        byte[] modelSpecHash = parts.learner().currentWeights().spec().sha256();
        RoundEngine engine = new RoundEngine(parts.name(), parts.key().publicKey(), modelSpecHash, parts.learner(), worker, weights,
                ledger, submitter, history, AdmissionPolicy.approveWithEndpoint(), advertised::get);
        HttpApi httpApi = new HttpApi(vertx, new HttpApi.NodeIdentity(parts.name(), parts.key().publicKeyHex()),
                chain, ledger, history, modelViews, new BlobRoutes(store), parts.registry(), parts.token(),
                new ExperimentOpener(submitter, parts.learner(), weights));

        return httpApi.start(parts.httpHost(), parts.httpPort()).map(started -> {
            advertised.set(parts.advertisedEndpoint().orElse("http://" + parts.httpHost() + ":" + started.port()));
            LearnerNode node = new LearnerNode(parts, List.of(worker, pageWorker), engine, httpApi, history);
            chain.onNewBlock(node::onNewBlock);
            log.info("node={} started: member key={} blob endpoint={}", parts.name(), parts.key().publicKeyHex(), node.endpoint());
            return node;
        });
    }

    private static RoundListener countingListener(Parts parts) {
        Counter proposals = Counter.builder("larco_proposals_total").description("Proposals this node sent that CheckTx accepted")
                .tag("node", parts.name()).register(parts.registry());
        Counter approvals = Counter.builder("larco_votes_total").description("Votes this node sent that CheckTx accepted")
                .tag("node", parts.name()).tag("vote", "approve").register(parts.registry());
        Counter rejections = Counter.builder("larco_votes_total").description("Votes this node sent that CheckTx accepted")
                .tag("node", parts.name()).tag("vote", "reject").register(parts.registry());
        return new RoundListener() {
            @Override
            public void proposed(long experiment, long round, String weightsHashHex, org.larco.node.learner.TestResult ownResult, long workNanos) {
                proposals.increment();
            }

            @Override
            public void voted(long experiment, long round, boolean approve, org.larco.node.learner.TestResult result, String reason, long evaluationNanos) {
                (approve ? approvals : rejections).increment();
            }
        };
    }

    private void onNewBlock(NewBlock block) {
        engine.onNewBlock(block.height());
        httpApi.publish("block", new JsonObject().put("height", block.height()));
        for (ChainEvent event : block.events()) {
            if (event.type().startsWith("round_") || event.type().equals("propose")) {
                publishRoundChange(event);
            }
        }
    }

    private void publishRoundChange(ChainEvent event) {
        String experiment = event.attributes().getOrDefault("experiment", "");
        String round = event.attributes().getOrDefault("round", "");
        String status = switch (event.type()) {
            case "round_open" -> "AWAITING_PROPOSAL";
            case "propose" -> "VOTING";
            default -> event.attributes().getOrDefault("status", "");
        };
        String key = experiment + "/" + round;
        if (!status.equals(lastRoundStatus.put(key, status))) {
            httpApi.publish("round", new JsonObject().put("experiment", experiment).put("round", round).put("status", status));
        }
    }

    public String name() {
        return parts.name();
    }

    public int httpPort() {
        return httpApi.port();
    }

    public String endpoint() {
        return "http://" + parts.httpHost() + ":" + httpApi.port();
    }

    public RoundEngine engine() {
        return engine;
    }

    public LocalHistory history() {
        return history;
    }

    public Future<Void> close() {
        engine.stop();
        workers.forEach(LearnerWorker::close);
        return httpApi.close();
    }
}
