package org.larco.node.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.larco.node.chain.ChainTestSupport.await;
import static org.larco.node.chain.ChainTestSupport.awaitBlock;
import static org.larco.node.chain.ChainTestSupport.hasEvent;
import static org.larco.node.chain.ChainTestSupport.nextBlock;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The embedded dev chain driving a small persistent key-value application. */
@ExtendWith(VertxExtension.class)
class EmbeddedDevChainTest {

    private static final byte[] GENESIS = "{\"members\":[]}".getBytes(StandardCharsets.UTF_8);
    private static final long FAST_BLOCKS_MS = 20;
    /** Long enough that no block is produced while a test inspects a restarted chain. */
    private static final long IDLE_BLOCKS_MS = 60_000;

    @TempDir
    Path dir;

    private EmbeddedDevChain chain;

    @AfterEach
    void closeChain() throws Exception {
        if (chain != null) {
            await(chain.close());
        }
    }

    @Test
    void broadcastTxIsCommittedAndQueryable(Vertx vertx) throws Exception {
        chain = start(vertx, new KeyValueApplication(dir.resolve("app")), FAST_BLOCKS_MS);
        CompletableFuture<NewBlock> committed = nextBlock(chain, block -> hasEvent(block, "set", "key", "colour"));

        BroadcastResult result = await(chain.broadcastTxSync(bytes("colour=blue")));
        NewBlock block = awaitBlock(committed);
        QueryResult query = await(chain.query("/key/colour", new byte[0]));

        assertEquals(0, result.code());
        assertEquals(64, result.txHashHex().length());
        assertEquals("blue", new String(query.value(), StandardCharsets.UTF_8));
        assertEquals(block.height(), query.height());
    }

    @Test
    void blockEventsComeBeforeTxEvents(Vertx vertx) throws Exception {
        chain = start(vertx, new KeyValueApplication(dir.resolve("app")), FAST_BLOCKS_MS);
        CompletableFuture<NewBlock> committed = nextBlock(chain, block -> hasEvent(block, "set", "key", "k"));

        await(chain.broadcastTxSync(bytes("k=v")));
        NewBlock block = awaitBlock(committed);

        assertEquals("block", block.events().get(0).type());
        assertEquals(Long.toString(block.height()), block.events().get(0).attributes().get("height"));
        assertEquals("set", block.events().get(1).type());
    }

    @Test
    void newBlocksArriveInOrderOnEventLoop(Vertx vertx) throws Exception {
        chain = start(vertx, new KeyValueApplication(dir.resolve("app")), FAST_BLOCKS_MS);
        AtomicBoolean offEventLoop = new AtomicBoolean();
        AtomicBoolean outOfOrder = new AtomicBoolean();
        long[] lastHeight = {-1};
        chain.onNewBlock(block -> {
            offEventLoop.compareAndSet(false, !Context.isOnEventLoopThread());
            outOfOrder.compareAndSet(false, lastHeight[0] >= 0 && block.height() != lastHeight[0] + 1);
            lastHeight[0] = block.height();
        });

        awaitBlock(nextBlock(chain, block -> block.height() >= 5));

        assertEquals(false, offEventLoop.get());
        assertEquals(false, outOfOrder.get());
    }

    @Test
    void invalidTxDoesNotStopChain(Vertx vertx) throws Exception {
        chain = start(vertx, new KeyValueApplication(dir.resolve("app")), FAST_BLOCKS_MS);

        BroadcastResult result = await(chain.broadcastTxSync(new byte[] {(byte) 0xff, 0x00, 0x13}));
        long heightAfterReject = await(chain.status()).latestHeight();
        NewBlock later = awaitBlock(nextBlock(chain, block -> block.height() >= heightAfterReject + 2));

        assertNotEquals(0, result.code());
        assertTrue(later.height() >= heightAfterReject + 2);
    }

    @Test
    void restartResumesAtSameHeightAndAppHash(Vertx vertx) throws Exception {
        chain = start(vertx, new KeyValueApplication(dir.resolve("app")), FAST_BLOCKS_MS);
        await(chain.broadcastTxSync(bytes("a=1")));
        awaitBlock(nextBlock(chain, block -> hasEvent(block, "set", "key", "a")));
        await(chain.close());
        ChainStatus before = await(chain.status());

        KeyValueApplication reopened = new KeyValueApplication(dir.resolve("app"));
        chain = start(vertx, reopened, IDLE_BLOCKS_MS);
        ChainStatus after = await(chain.status());

        assertEquals(before.latestHeight(), after.latestHeight());
        assertEquals(before.appHashHex(), after.appHashHex());
        assertEquals(0, reopened.initChainCalls());
        assertEquals(0, reopened.finalizeBlockCalls());
    }

    @Test
    void restartReplaysBlocksTheAppLacks(Vertx vertx) throws Exception {
        chain = start(vertx, new KeyValueApplication(dir.resolve("app")), FAST_BLOCKS_MS);
        await(chain.broadcastTxSync(bytes("b=2")));
        awaitBlock(nextBlock(chain, block -> hasEvent(block, "set", "key", "b")));
        await(chain.close());
        ChainStatus before = await(chain.status());

        KeyValueApplication emptyApp = new KeyValueApplication(dir.resolve("fresh-app"));
        chain = start(vertx, emptyApp, IDLE_BLOCKS_MS);
        ChainStatus after = await(chain.status());
        QueryResult replayed = await(chain.query("/key/b", new byte[0]));

        assertEquals(before.latestHeight(), after.latestHeight());
        assertEquals(before.appHashHex(), after.appHashHex());
        assertEquals(1, emptyApp.initChainCalls());
        assertEquals(before.latestHeight(), emptyApp.finalizeBlockCalls());
        assertEquals("2", new String(replayed.value(), StandardCharsets.UTF_8));
    }

    @Test
    void tornBlockLogTailIsTolerated(Vertx vertx) throws Exception {
        chain = start(vertx, new KeyValueApplication(dir.resolve("app")), FAST_BLOCKS_MS);
        awaitBlock(nextBlock(chain, block -> block.height() >= 3));
        await(chain.close());
        ChainStatus before = await(chain.status());
        Path blockLog = dir.resolve("chain").resolve(BlockLog.FILE_NAME);
        long intactBytes = Files.size(blockLog);
        Files.write(blockLog, new byte[] {0, 0, 1, 0, 7, 7, 7, 7, 1, 2, 3}, StandardOpenOption.APPEND);

        chain = start(vertx, new KeyValueApplication(dir.resolve("app")), FAST_BLOCKS_MS);
        ChainStatus reopened = await(chain.status());
        NewBlock next = awaitBlock(nextBlock(chain, block -> true));

        assertEquals(before.latestHeight(), reopened.latestHeight());
        assertEquals(before.appHashHex(), reopened.appHashHex());
        assertTrue(next.height() > before.latestHeight());
        assertTrue(Files.size(blockLog) > intactBytes);
    }

    @Test
    void corruptRecordBeforeTheEndFailsStart(Vertx vertx) throws Exception {
        chain = start(vertx, new KeyValueApplication(dir.resolve("app")), FAST_BLOCKS_MS);
        awaitBlock(nextBlock(chain, block -> block.height() >= 3));
        await(chain.close());
        chain = null;
        Path blockLog = dir.resolve("chain").resolve(BlockLog.FILE_NAME);
        byte[] content = Files.readAllBytes(blockLog);
        content[content.length / 2] ^= 0x5a;
        Files.write(blockLog, content);

        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> start(vertx, new KeyValueApplication(dir.resolve("app")), IDLE_BLOCKS_MS));

        assertTrue(failure.getCause().getMessage().contains(blockLog.toString()), failure.getCause().getMessage());
    }

    @Test
    void otherChainIdOnSameHomeIsRejected(Vertx vertx) throws Exception {
        chain = start(vertx, new KeyValueApplication(dir.resolve("app")), IDLE_BLOCKS_MS);
        await(chain.close());
        chain = null;

        ExecutionException failure = assertThrows(ExecutionException.class, () -> await(EmbeddedDevChain.start(vertx,
                new KeyValueApplication(dir.resolve("app")), dir.resolve("chain"), "other-chain", GENESIS,
                IDLE_BLOCKS_MS)));

        assertTrue(failure.getCause().getMessage().contains("'kv-test'"), failure.getCause().getMessage());
        assertTrue(failure.getCause().getMessage().contains("'other-chain'"), failure.getCause().getMessage());
    }

    @Test
    void oversizeTxIsRejected(Vertx vertx) throws Exception {
        DevChainLimits limits = new DevChainLimits(10, 16, 1024);
        chain = await(EmbeddedDevChain.start(vertx, new KeyValueApplication(dir.resolve("app")), dir.resolve("chain"),
                "kv-test", GENESIS, IDLE_BLOCKS_MS, limits));

        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> await(chain.broadcastTxSync(bytes("key=a-value-longer-than-16-bytes"))));

        assertTrue(failure.getCause().getMessage().contains("tx too large: 32 bytes, max 16"),
                failure.getCause().getMessage());
    }

    @Test
    void fullMempoolRejectsBroadcast(Vertx vertx) throws Exception {
        DevChainLimits limits = new DevChainLimits(2, 1024, 4096);
        chain = await(EmbeddedDevChain.start(vertx, new KeyValueApplication(dir.resolve("app")), dir.resolve("chain"),
                "kv-test", GENESIS, IDLE_BLOCKS_MS, limits));
        await(chain.broadcastTxSync(bytes("a=1")));
        await(chain.broadcastTxSync(bytes("b=2")));

        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> await(chain.broadcastTxSync(bytes("c=3"))));

        assertTrue(failure.getCause().getMessage().contains("mempool is full: 2 txs (max 2)"),
                failure.getCause().getMessage());
    }

    @Test
    void duplicateTxIsRejected(Vertx vertx) throws Exception {
        chain = start(vertx, new KeyValueApplication(dir.resolve("app")), IDLE_BLOCKS_MS);
        await(chain.broadcastTxSync(bytes("same=tx")));

        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> await(chain.broadcastTxSync(bytes("same=tx"))));

        assertTrue(failure.getCause().getMessage().contains("already in the mempool"), failure.getCause().getMessage());
    }

    @Test
    void statusReportsEmbeddedMode(Vertx vertx) throws Exception {
        chain = start(vertx, new KeyValueApplication(dir.resolve("app")), IDLE_BLOCKS_MS);

        ChainStatus status = await(chain.status());

        assertEquals("embedded", status.mode());
        assertEquals("kv-test", status.chainId());
        assertEquals(1, status.validators().size());
        assertEquals(40, status.validators().get(0).address().length());
    }

    private EmbeddedDevChain start(Vertx vertx, KeyValueApplication app, long blockIntervalMs) throws Exception {
        return await(EmbeddedDevChain.start(vertx, app, dir.resolve("chain"), "kv-test", GENESIS, blockIntervalMs));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
