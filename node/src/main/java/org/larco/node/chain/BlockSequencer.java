package org.larco.node.chain;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns blocks that arrive out of order, twice or not at all into exactly one delivery per height,
 * in height order. Heights it learns of but never receives (missed while a WebSocket was down) are
 * fetched one at a time with {@code fetchBlock}.
 *
 * <p>Not thread-safe: every method runs on the owning client's event-loop context.
 */
final class BlockSequencer {

    /** Fetch attempts for one height before it is skipped; a pruned node can never return it. */
    static final int MAX_FETCH_ATTEMPTS = 10;

    private static final Logger log = LoggerFactory.getLogger(BlockSequencer.class);

    private final Vertx vertx;
    private final String nodeUrl;
    private final LongFunction<Future<NewBlock>> fetchBlock;
    private final Consumer<NewBlock> deliver;
    private final BooleanSupplier connected;
    private final long fetchRetryMs;
    private final NavigableMap<Long, NewBlock> pending = new TreeMap<>();

    /** The next height to deliver; 0 until the first latest height is known. */
    private long nextHeight;
    private long latestKnownHeight;
    private boolean fetching;
    private int failedAttempts;

    BlockSequencer(Vertx vertx, String nodeUrl, LongFunction<Future<NewBlock>> fetchBlock, Consumer<NewBlock> deliver,
            BooleanSupplier connected, long fetchRetryMs) {
        this.vertx = vertx;
        this.fetchRetryMs = fetchRetryMs;
        this.nodeUrl = nodeUrl;
        this.fetchBlock = fetchBlock;
        this.deliver = deliver;
        this.connected = connected;
    }

    long nextHeight() {
        return nextHeight;
    }

    /** Accepts a block from the subscription or from a fetch; drops a height already delivered. */
    void onBlock(NewBlock block) {
        if (nextHeight > 0 && block.height() < nextHeight) {
            return;
        }
        pending.put(block.height(), block);
        latestKnownHeight = Math.max(latestKnownHeight, block.height());
        drain();
    }

    /**
     * Records the node's latest committed height. The first call sets the starting point: delivery
     * begins after that height, or at an earlier block already received.
     */
    void onLatestHeight(long height) {
        if (nextHeight == 0) {
            nextHeight = pending.isEmpty() ? height + 1 : Math.min(height + 1, pending.firstKey());
            log.info("CometBFT {}: delivering blocks from height {}", nodeUrl, nextHeight);
        }
        latestKnownHeight = Math.max(latestKnownHeight, height);
        drain();
    }

    private void drain() {
        if (nextHeight == 0) {
            return;
        }
        pending.headMap(nextHeight, false).clear();
        while (pending.containsKey(nextHeight)) {
            deliver.accept(pending.remove(nextHeight));
            nextHeight++;
            failedAttempts = 0;
        }
        if (!fetching && latestKnownHeight >= nextHeight) {
            fetch(nextHeight);
        }
    }

    private void fetch(long height) {
        fetching = true;
        log.info("CometBFT {}: fetching missed block {} (latest known {})", nodeUrl, height, latestKnownHeight);
        fetchBlock.apply(height).onComplete(result -> {
            fetching = false;
            if (result.succeeded()) {
                onBlock(result.result());
                return;
            }
            onFetchFailed(height, result.cause());
        });
    }

    private void onFetchFailed(long height, Throwable cause) {
        failedAttempts++;
        if (failedAttempts >= MAX_FETCH_ATTEMPTS) {
            log.error("CometBFT {}: giving up on block {} after {} attempts, its events are lost: {}", nodeUrl, height,
                    failedAttempts, cause.getMessage());
            failedAttempts = 0;
            if (nextHeight == height) {
                nextHeight++;
            }
            drain();
            return;
        }
        log.warn("CometBFT {}: fetching block {} failed (attempt {} of {}), retrying in {} ms: {}", nodeUrl, height,
                failedAttempts, MAX_FETCH_ATTEMPTS, fetchRetryMs, cause.getMessage());
        vertx.setTimer(fetchRetryMs, id -> {
            if (connected.getAsBoolean()) {
                drain();
            }
        });
    }
}
