package org.larco.node.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.larco.node.chain.ChainTestSupport.await;
import static org.larco.node.chain.ChainTestSupport.awaitBlock;
import static org.larco.node.chain.ChainTestSupport.hasEvent;
import static org.larco.node.chain.ChainTestSupport.nextBlock;

import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.larco.abci.LarcoApplication;
import org.larco.abci.server.AbciServer;
import org.larco.protocol.tx.Experiment;
import org.larco.protocol.tx.Nonce;

/** CometBftClient against a real single-validator CometBFT v0.38 node running the LArCo ledger. */
class CometBftClientTest {

    @TempDir
    static Path dir;

    private static final LarcoLedgerFixture ledger = new LarcoLedgerFixture();
    private static Vertx vertx;
    private static AbciServer abci;
    private static CometBftTestNode node;

    private CometBftClient client;

    @BeforeAll
    static void startNode() throws Exception {
        vertx = Vertx.vertx();
        abci = await(AbciServer.start(vertx, LarcoApplication.open(dir.resolve("app")), "127.0.0.1", 0));
        node = CometBftTestNode.create(dir.resolve("cometbft"), abci.port(), LarcoLedgerFixture.CHAIN_ID,
                ledger.genesis());
        node.start();
    }

    @AfterAll
    static void stopNode() throws Exception {
        if (node != null) {
            node.stop();
        }
        if (abci != null) {
            await(abci.close());
        }
        if (vertx != null) {
            await(vertx.close());
        }
    }

    @AfterEach
    void closeClient() throws Exception {
        if (client != null) {
            await(client.close());
        }
    }

    @Test
    void broadcastIsCommittedAndQueryable() throws Exception {
        client = CometBftClient.connect(vertx, node.rpcUri());
        long nonce = Nonce.parseFrom(await(client.query(ledger.noncePath(), new byte[0])).value()).getNext();
        String name = "cometbft-" + nonce;
        CompletableFuture<NewBlock> opened = nextBlock(client, block -> block.events().stream()
                .anyMatch(event -> event.type().equals("experiment_open")));

        BroadcastResult result = await(client.broadcastTxSync(ledger.openExperimentTx(nonce, name)));
        NewBlock block = awaitBlock(opened);
        String experimentId = block.events().stream().filter(event -> event.type().equals("experiment_open"))
                .findFirst().orElseThrow().attributes().get("experiment");
        QueryResult query = await(client.query("/experiments/" + experimentId, new byte[0]));

        assertEquals(0, result.code(), result.log());
        assertEquals(64, result.txHashHex().length());
        assertEquals(0, query.code(), query.log());
        assertEquals(name, Experiment.parseFrom(query.value()).getSpec().getName());
        assertTrue(query.height() >= block.height());
    }

    @Test
    void invalidTxGetsNonZeroCode() throws Exception {
        client = CometBftClient.connect(vertx, node.rpcUri());

        BroadcastResult result = await(client.broadcastTxSync(new byte[] {9, 9, 9, 9}));

        assertNotEquals(0, result.code());
        assertFalse(result.log().isEmpty());
    }

    @Test
    void unknownQueryPathGetsNonZeroCode() throws Exception {
        client = CometBftClient.connect(vertx, node.rpcUri());

        QueryResult result = await(client.query("/no-such-path", new byte[0]));

        assertNotEquals(0, result.code());
    }

    @Test
    void statusReportsChainAndValidator() throws Exception {
        client = CometBftClient.connect(vertx, node.rpcUri());

        ChainStatus status = await(client.status());

        assertEquals(LarcoLedgerFixture.CHAIN_ID, status.chainId());
        assertEquals("cometbft", status.mode());
        assertTrue(status.latestHeight() > 0);
        assertEquals(64, status.appHashHex().length());
        assertEquals(1, status.validators().size());
        assertEquals(40, status.validators().get(0).address().length());
        assertEquals(10, status.validators().get(0).power());
    }

    @Test
    void newBlocksArriveOncePerHeightInOrder() throws Exception {
        client = CometBftClient.connect(vertx, node.rpcUri());
        List<Long> heights = new CopyOnWriteArrayList<>();
        client.onNewBlock(block -> heights.add(block.height()));

        NewBlock fifth = awaitBlock(nextBlock(client, block -> heights.size() >= 5));

        assertContiguous(heights);
        assertEquals(fifth.height(), heights.get(4));
    }

    @Test
    void droppedWebSocketCatchesUpMissedHeights() throws Exception {
        TcpProxy proxy = await(TcpProxy.start(vertx, node.rpcPort()));
        client = CometBftClient.connect(vertx, URI.create("http://127.0.0.1:" + proxy.port()));
        List<Long> heights = new CopyOnWriteArrayList<>();
        client.onNewBlock(block -> heights.add(block.height()));
        awaitBlock(nextBlock(client, block -> true));

        await(proxy.cut());
        long heightAtCut = heights.get(heights.size() - 1);
        Thread.sleep(1_500);
        await(proxy.restore());
        NewBlock caughtUp = awaitBlock(nextBlock(client, block -> block.height() > heightAtCut + 5));

        assertContiguous(heights);
        assertTrue(caughtUp.height() > heightAtCut + 5);
        await(proxy.cut());
    }

    @Test
    void restartedNodeIsResubscribed() throws Exception {
        client = CometBftClient.connect(vertx, node.rpcUri());
        List<Long> heights = new CopyOnWriteArrayList<>();
        client.onNewBlock(block -> heights.add(block.height()));
        awaitBlock(nextBlock(client, block -> true));

        node.stop();
        long heightAtStop = heights.get(heights.size() - 1);
        node.start();
        NewBlock afterRestart = awaitBlock(nextBlock(client, block -> block.height() > heightAtStop + 3));

        assertContiguous(heights);
        assertTrue(afterRestart.height() > heightAtStop + 3);
    }

    @Test
    void unreachableNodeFailsBroadcastWithUrl() throws Exception {
        URI nowhere = URI.create("http://127.0.0.1:" + CometBftTestNode.freePort());
        client = CometBftClient.connect(vertx, nowhere);

        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> await(client.broadcastTxSync(new byte[] {1})));

        assertTrue(failure.getCause() instanceof CometBftRpcException, failure.getCause().toString());
        assertTrue(failure.getCause().getMessage().contains(nowhere.toString()), failure.getCause().getMessage());
    }

    @Test
    void invalidRpcAddressIsRejected() {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> CometBftClient.connect(vertx, URI.create("tcp://127.0.0.1:26657")));

        assertTrue(failure.getMessage().contains("tcp://127.0.0.1:26657"), failure.getMessage());
    }

    private static void assertContiguous(List<Long> heights) {
        for (int i = 1; i < heights.size(); i++) {
            assertEquals(heights.get(i - 1) + 1, heights.get(i), "heights delivered: " + heights);
        }
    }
}
