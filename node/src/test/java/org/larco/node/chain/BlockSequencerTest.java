package org.larco.node.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** BlockSequencer on a Vert.x event loop, fetching missed heights from an in-memory chain. */
@ExtendWith(VertxExtension.class)
class BlockSequencerTest {

    private final List<Long> delivered = new CopyOnWriteArrayList<>();
    private final List<Long> fetched = new CopyOnWriteArrayList<>();

    @Test
    void gapIsFetchedAndDeliveredInOrder(Vertx vertx) throws Exception {
        BlockSequencer sequencer = sequencer(vertx, Set.of());

        onEventLoop(vertx, () -> {
            sequencer.onLatestHeight(10);
            sequencer.onBlock(block(14));
        });
        awaitDelivered(4);

        assertEquals(List.of(11L, 12L, 13L, 14L), delivered);
        assertEquals(List.of(11L, 12L, 13L), fetched);
    }

    @Test
    void duplicateAndOldBlocksAreDropped(Vertx vertx) throws Exception {
        BlockSequencer sequencer = sequencer(vertx, Set.of());

        onEventLoop(vertx, () -> {
            sequencer.onLatestHeight(4);
            sequencer.onBlock(block(5));
            sequencer.onBlock(block(5));
            sequencer.onBlock(block(3));
            sequencer.onBlock(block(6));
        });
        awaitDelivered(2);

        assertEquals(List.of(5L, 6L), delivered);
        assertEquals(List.of(), fetched);
    }

    @Test
    void blockBeforeFirstStatusIsKept(Vertx vertx) throws Exception {
        BlockSequencer sequencer = sequencer(vertx, Set.of());

        onEventLoop(vertx, () -> {
            sequencer.onBlock(block(7));
            sequencer.onLatestHeight(7);
            sequencer.onBlock(block(8));
        });
        awaitDelivered(2);

        assertEquals(List.of(7L, 8L), delivered);
    }

    @Test
    void unfetchableHeightIsSkippedAfterMaxAttempts(Vertx vertx) throws Exception {
        BlockSequencer sequencer = sequencer(vertx, Set.of(2L));

        onEventLoop(vertx, () -> {
            sequencer.onLatestHeight(1);
            sequencer.onBlock(block(3));
        });
        awaitDelivered(1);

        assertEquals(List.of(3L), delivered);
        assertEquals(BlockSequencer.MAX_FETCH_ATTEMPTS, fetched.stream().filter(height -> height == 2L).count());
    }

    /** Returns a sequencer whose fetch fails for {@code prunedHeights} and succeeds otherwise. */
    private BlockSequencer sequencer(Vertx vertx, Set<Long> prunedHeights) {
        Consumer<NewBlock> deliver = block -> delivered.add(block.height());
        return new BlockSequencer(vertx, "test-node", height -> {
            fetched.add(height);
            if (prunedHeights.contains(height)) {
                return Future.failedFuture(new IllegalStateException("height " + height + " is not available"));
            }
            return Future.succeededFuture(block(height));
        }, deliver, () -> true, 1);
    }

    private static NewBlock block(long height) {
        return new NewBlock(height, List.of());
    }

    private static void onEventLoop(Vertx vertx, Runnable action) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        vertx.runOnContext(v -> {
            action.run();
            done.complete(null);
        });
        done.get(10, TimeUnit.SECONDS);
    }

    private void awaitDelivered(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (delivered.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        Thread.sleep(50);
    }
}
