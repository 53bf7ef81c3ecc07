package org.larco.node.chain;

import io.vertx.core.Future;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Helpers for chain tests that wait, with a timeout, on futures and blocks. */
final class ChainTestSupport {

    static final long TIMEOUT_SECONDS = 30;

    private ChainTestSupport() {
    }

    static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /** Returns the first block delivered by {@code chain} from now on that satisfies {@code condition}. */
    static CompletableFuture<NewBlock> nextBlock(ChainClient chain, Predicate<NewBlock> condition) {
        CompletableFuture<NewBlock> found = new CompletableFuture<>();
        chain.onNewBlock(block -> {
            if (!found.isDone() && condition.test(block)) {
                found.complete(block);
            }
        });
        return found;
    }

    static NewBlock awaitBlock(CompletableFuture<NewBlock> block) throws Exception {
        return block.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    static boolean hasEvent(NewBlock block, String type, String key, String value) {
        return block.events().stream().anyMatch(event -> event.type().equals(type)
                && value.equals(event.attributes().get(key)));
    }
}
