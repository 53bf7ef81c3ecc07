package org.larco.node.chain;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.larco.abci.Application;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-process development chain: one authority produces a block {@code blockIntervalMs} after
 * the previous one finished (empty blocks too, because ledger deadlines count blocks) and drives the same
 * {@link Application} that CometBFT drives on a testnet, in CometBFT v0.38's call order. When a
 * transaction enters an empty mempool, the next block comes {@link #TX_BATCH_DELAY_MS} later
 * instead, so a round does not wait a whole interval for each proposal and vote.
 *
 * <p>It is <b>not Byzantine fault tolerant</b>: the process that runs it decides every block alone.
 * Use it for one-machine simulations and development, and a CometBFT testnet when the members must
 * not trust one operator.
 *
 * <p>Blocks are appended to {@code <home>/blocks.log} and fsynced before the application receives
 * them. After a restart the chain calls Info for the application's height and replays exactly the
 * logged blocks it lacks, so the chain resumes at the same height and app hash. All application
 * calls run on one ordered worker thread, never on an event loop; {@link NewBlock}s are delivered
 * on the event loop of the context that called {@link #start}. This class is thread-safe. Closing
 * the chain does not close the application.
 */
public final class EmbeddedDevChain implements ChainClient {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDevChain.class);
    private static final HexFormat HEX = HexFormat.of();

    /** Delay from the first waiting transaction to the block that includes it; later txs join the batch. */
    static final long TX_BATCH_DELAY_MS = 10;
    private static final AtomicInteger INSTANCES = new AtomicInteger();
    /** A worker task longer than this is logged by Vert.x as blocked; replays of long logs can take minutes. */
    private static final long MAX_WORKER_TASK_MINUTES = 10;

    private final Vertx vertx;
    private final Context context;
    private final WorkerExecutor worker;
    private final String chainId;
    private final long blockIntervalMs;
    private final DevChainLimits limits;
    private final ValidatorInfo validator;
    private final List<Consumer<NewBlock>> listeners = new CopyOnWriteArrayList<>();

    private DevChainEngine engine;
    private BlockLog blockLog;
    private volatile ChainStatus status;
    private volatile boolean closed;
    private volatile String haltReason;
    private long blockTimerId = -1;
    private boolean producing;
    private boolean earlyBlockScheduled;

    private EmbeddedDevChain(Vertx vertx, String chainId, long blockIntervalMs, DevChainLimits limits) {
        this.vertx = vertx;
        this.context = vertx.getOrCreateContext();
        this.worker = vertx.createSharedWorkerExecutor("larco-devchain-" + INSTANCES.incrementAndGet(), 1,
                MAX_WORKER_TASK_MINUTES, TimeUnit.MINUTES);
        this.chainId = chainId;
        this.blockIntervalMs = blockIntervalMs;
        this.limits = limits;
        byte[] address = Arrays.copyOf(DevChainEngine.sha256(("larco-devchain/" + chainId)
                .getBytes(StandardCharsets.UTF_8)), 20);
        this.validator = new ValidatorInfo(HEX.formatHex(address), 1);
    }

    /** Starts a dev chain with {@link DevChainLimits#DEFAULTS}. */
    public static Future<EmbeddedDevChain> start(Vertx vertx, Application app, Path home, String chainId,
            byte[] genesisAppStateJson, long blockIntervalMs) {
        return start(vertx, app, home, chainId, genesisAppStateJson, blockIntervalMs, DevChainLimits.DEFAULTS);
    }

    /**
     * Opens the block log in {@code home}, brings {@code app} level with it (InitChain with
     * {@code genesisAppStateJson} when the application is at height 0, then replay), and starts
     * producing blocks. Fails with the reason when the log belongs to another chain, is corrupt
     * before its last record, or is behind the application.
     */
    public static Future<EmbeddedDevChain> start(Vertx vertx, Application app, Path home, String chainId,
            byte[] genesisAppStateJson, long blockIntervalMs, DevChainLimits limits) {
        Objects.requireNonNull(vertx, "vertx");
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(genesisAppStateJson, "genesisAppStateJson");
        Objects.requireNonNull(limits, "limits");
        if (chainId == null || chainId.isBlank()) {
            return Future.failedFuture(new IllegalArgumentException("chain id must not be blank; set a chain id such "
                    + "as 'larco-dev'"));
        }
        if (blockIntervalMs < 1) {
            return Future.failedFuture(new IllegalArgumentException("block interval must be at least 1 ms, got "
                    + blockIntervalMs));
        }

        EmbeddedDevChain chain = new EmbeddedDevChain(vertx, chainId, blockIntervalMs, limits);
        log.warn("starting embedded dev chain {} in {}: a single-authority block producer, NOT Byzantine fault "
                + "tolerant; use a CometBFT testnet when members must not trust one operator", chainId, home);
        return chain.worker.executeBlocking(() -> {
            chain.open(app, home, genesisAppStateJson);
            return chain;
        }, true).onSuccess(started -> {
            log.info("dev chain {} started at height {}, app hash {}, one block every {} ms", chainId,
                    started.status.latestHeight(), started.status.appHashHex(), blockIntervalMs);
            started.context.runOnContext(v -> started.scheduleNextBlock());
        }).recover(failure -> {
            log.error("dev chain {} failed to start in {}: {}", chainId, home, failure.getMessage(), failure);
            return chain.closeWorker().transform(ignored -> Future.failedFuture(failure));
        });
    }

    @Override
    public Future<BroadcastResult> broadcastTxSync(byte[] tx) {
        if (tx == null || tx.length == 0) {
            return Future.failedFuture(new IllegalArgumentException("tx must not be empty"));
        }
        if (tx.length > limits.maxTxBytes()) {
            return Future.failedFuture(new IllegalArgumentException("tx too large: " + tx.length
                    + " bytes, max " + limits.maxTxBytes() + " bytes on dev chain " + chainId));
        }
        String unavailable = unavailableReason();
        if (unavailable != null) {
            return Future.failedFuture(new IllegalStateException(unavailable));
        }
        byte[] copy = tx.clone();
        return worker.executeBlocking(() -> engine.checkNewTx(copy), true).onSuccess(result -> {
            if (result.code() == 0) {
                context.runOnContext(v -> expediteBlock());
            }
        });
    }

    @Override
    public Future<QueryResult> query(String path, byte[] data) {
        Objects.requireNonNull(path, "path");
        String unavailable = unavailableReason();
        if (unavailable != null) {
            return Future.failedFuture(new IllegalStateException(unavailable));
        }
        byte[] copy = data == null ? new byte[0] : data.clone();
        // Queries read committed state, which the application guards itself, so they need not wait
        // behind block production on the ordered worker.
        return vertx.executeBlocking(() -> engine.query(path, copy), false);
    }

    @Override
    public Future<ChainStatus> status() {
        return Future.succeededFuture(status);
    }

    @Override
    public void onNewBlock(Consumer<NewBlock> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Stops block production after the block in progress, closes the block log and the worker. */
    @Override
    public Future<Void> close() {
        if (closed) {
            return Future.succeededFuture();
        }
        closed = true;
        context.runOnContext(v -> vertx.cancelTimer(blockTimerId));
        return worker.<Void>executeBlocking(() -> {
            blockLog.close();
            return null;
        }, true).eventually(this::closeWorker).onComplete(done -> log.info("dev chain {} stopped at height {}",
                chainId, status.latestHeight()));
    }

    private void open(Application app, Path home, byte[] genesisAppStateJson) throws Exception {
        blockLog = BlockLog.open(home, chainId);
        try {
            engine = new DevChainEngine(app, blockLog, chainId, limits, HEX.parseHex(validator.address()));
            engine.handshake(genesisAppStateJson);
        } catch (Exception | Error e) {
            blockLog.close();
            throw e;
        }
        publishStatus();
    }

    private void scheduleNextBlock() {
        if (closed || haltReason != null) {
            return;
        }
        producing = false;
        earlyBlockScheduled = false;
        blockTimerId = vertx.setTimer(blockIntervalMs, id -> produceBlock());
    }

    /** Brings the next block forward when a transaction is waiting; runs on the chain's context. */
    private void expediteBlock() {
        if (closed || producing || earlyBlockScheduled || blockIntervalMs <= TX_BATCH_DELAY_MS) {
            return;
        }
        if (vertx.cancelTimer(blockTimerId)) {
            earlyBlockScheduled = true;
            blockTimerId = vertx.setTimer(TX_BATCH_DELAY_MS, id -> produceBlock());
        }
    }

    private void produceBlock() {
        if (closed) {
            return;
        }
        producing = true;
        worker.executeBlocking(() -> {
            if (closed) {
                return null;
            }
            NewBlock block = engine.produceBlock();
            publishStatus();
            return block;
        }, true).onSuccess(block -> {
            if (block != null) {
                deliver(block);
                scheduleNextBlock();
            }
        }).onFailure(this::halt);
    }

    private void deliver(NewBlock block) {
        for (Consumer<NewBlock> listener : listeners) {
            try {
                listener.accept(block);
            } catch (RuntimeException e) {
                log.error("dev chain {}: a NewBlock listener failed at height {}", chainId, block.height(), e);
            }
        }
    }

    /**
     * Stops block production for good, because the application may have staged a block it never
     * committed; a restart replays it from the block log.
     */
    private void halt(Throwable failure) {
        haltReason = "dev chain " + chainId + " halted after height " + status.latestHeight() + ": "
                + failure.getMessage() + "; restart the node to replay the block log";
        log.error(haltReason, failure);
    }

    private String unavailableReason() {
        if (closed) {
            return "dev chain " + chainId + " is closed";
        }
        return haltReason;
    }

    private void publishStatus() {
        status = new ChainStatus(chainId, engine.height(), HEX.formatHex(engine.appHash().toByteArray()),
                List.of(validator), "embedded");
    }

    private Future<Void> closeWorker() {
        return worker.close();
    }
}
