package org.larco.node.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.larco.node.chain.ChainTestSupport.await;
import static org.larco.node.chain.ChainTestSupport.awaitBlock;
import static org.larco.node.chain.ChainTestSupport.hasEvent;
import static org.larco.node.chain.ChainTestSupport.nextBlock;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.larco.abci.LarcoApplication;
import org.larco.protocol.tx.Experiment;
import org.larco.protocol.tx.Nonce;

/** The embedded dev chain driving the real LArCo ledger. */
@ExtendWith(VertxExtension.class)
class LarcoDevChainTest {

    private static final long BLOCK_INTERVAL_MS = 20;
    private static final long IDLE_BLOCKS_MS = 60_000;

    @TempDir
    Path dir;

    private final LarcoLedgerFixture ledger = new LarcoLedgerFixture();
    private EmbeddedDevChain chain;

    @AfterEach
    void closeChain() throws Exception {
        if (chain != null) {
            await(chain.close());
        }
    }

    @Test
    void signedTxIsCommittedAndQueryable(Vertx vertx) throws Exception {
        chain = start(vertx, LarcoApplication.open(dir.resolve("app")), BLOCK_INTERVAL_MS);
        long nonce = Nonce.parseFrom(await(chain.query(ledger.noncePath(), new byte[0])).value()).getNext();
        CompletableFuture<NewBlock> opened = nextBlock(chain, block -> hasEvent(block, "experiment_open", "experiment",
                "2"));

        BroadcastResult result = await(chain.broadcastTxSync(ledger.openExperimentTx(nonce, "second")));
        awaitBlock(opened);
        QueryResult query = await(chain.query("/experiments/2", new byte[0]));

        assertEquals(0, result.code(), result.log());
        assertEquals(0, query.code(), query.log());
        assertEquals("second", Experiment.parseFrom(query.value()).getSpec().getName());
    }

    @Test
    void invalidTxBytesGetNonZeroCode(Vertx vertx) throws Exception {
        chain = start(vertx, LarcoApplication.open(dir.resolve("app")), BLOCK_INTERVAL_MS);

        BroadcastResult result = await(chain.broadcastTxSync(new byte[] {1, 2, 3, 4}));
        long heightAfterReject = await(chain.status()).latestHeight();
        NewBlock later = awaitBlock(nextBlock(chain, block -> block.height() >= heightAfterReject + 2));

        assertNotEquals(0, result.code());
        assertTrue(later.height() >= heightAfterReject + 2);
    }

    @Test
    void restartResumesWithoutInitChain(Vertx vertx) throws Exception {
        chain = start(vertx, LarcoApplication.open(dir.resolve("app")), BLOCK_INTERVAL_MS);
        await(chain.broadcastTxSync(ledger.openExperimentTx(0, "second")));
        awaitBlock(nextBlock(chain, block -> hasEvent(block, "experiment_open", "experiment", "2")));
        await(chain.close());
        ChainStatus before = await(chain.status());

        CountingApplication reopened = new CountingApplication(LarcoApplication.open(dir.resolve("app")));
        chain = start(vertx, reopened, IDLE_BLOCKS_MS);
        ChainStatus after = await(chain.status());
        QueryResult query = await(chain.query("/experiments/2", new byte[0]));

        assertEquals(before.latestHeight(), after.latestHeight());
        assertEquals(before.appHashHex(), after.appHashHex());
        assertEquals(0, reopened.initChainCalls());
        assertEquals(0, query.code(), query.log());
    }

    @Test
    void emptyAppReplaysToSameAppHash(Vertx vertx) throws Exception {
        chain = start(vertx, LarcoApplication.open(dir.resolve("app")), BLOCK_INTERVAL_MS);
        await(chain.broadcastTxSync(ledger.openExperimentTx(0, "second")));
        awaitBlock(nextBlock(chain, block -> hasEvent(block, "experiment_open", "experiment", "2")));
        await(chain.close());
        ChainStatus before = await(chain.status());

        CountingApplication fresh = new CountingApplication(LarcoApplication.open(dir.resolve("fresh-app")));
        chain = start(vertx, fresh, IDLE_BLOCKS_MS);
        ChainStatus after = await(chain.status());

        assertEquals(before.latestHeight(), after.latestHeight());
        assertEquals(before.appHashHex(), after.appHashHex());
        assertEquals(1, fresh.initChainCalls());
        assertEquals(before.latestHeight(), fresh.finalizeBlockCalls());
    }

    private EmbeddedDevChain start(Vertx vertx, org.larco.abci.Application app, long blockIntervalMs)
            throws Exception {
        return await(EmbeddedDevChain.start(vertx, app, dir.resolve("chain"), LarcoLedgerFixture.CHAIN_ID,
                ledger.genesis(), blockIntervalMs));
    }
}
