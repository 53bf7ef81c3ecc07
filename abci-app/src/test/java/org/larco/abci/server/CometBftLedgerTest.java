package org.larco.abci.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.larco.abci.LarcoApplication;
import org.larco.abci.ResultCodes;
import org.larco.abci.testing.CometBft;
import org.larco.abci.testing.CometRpc;
import org.larco.abci.testing.FreePorts;
import org.larco.abci.testing.GenesisBuilder;
import org.larco.abci.testing.Hashes;
import org.larco.abci.testing.ManagedProcess;
import org.larco.abci.testing.TestKeys;
import org.larco.protocol.keys.NodeKey;
import org.larco.protocol.tx.Experiment;
import org.larco.protocol.tx.Propose;
import org.larco.protocol.tx.Round;
import org.larco.protocol.tx.RoundStatus;
import org.larco.protocol.tx.Transactions;
import org.larco.protocol.tx.Tx;
import org.larco.protocol.tx.Vote;

/** The ledger behind a real CometBFT v0.38.25 single validator, over the ABCI socket. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class CometBftLedgerTest {

    private static final long WAIT_MS = 30_000;

    @TempDir
    Path dir;

    private Vertx vertx;
    private AbciServer server;
    private ManagedProcess cometbft;

    @AfterEach
    void stopAll() throws Exception {
        stopNode();
    }

    @Test
    void signedTxsCommitAndSurviveRestart() throws Exception {
        Path binary = CometBft.binary();
        List<NodeKey> keys = TestKeys.keys(2);
        Path cometHome = dir.resolve("cometbft");
        Path appHome = dir.resolve("ledger");
        String chainId = CometBft.initSingleValidator(binary, cometHome,
                new GenesisBuilder().members(keys).experiment("lartpc").json());
        int rpcPort = FreePorts.next();
        CometRpc rpc = new CometRpc(rpcPort);
        startNode(binary, cometHome, appHome, rpcPort);
        rpc.awaitHeight(2, WAIT_MS);

        ByteString proposal = Hashes.bytes("weights-1");
        Tx propose = Transactions.sign(keys.get(0), Transactions.propose(chainId, 0, Propose.newBuilder()
                .setExperiment(1).setRound(1).setParent(Hashes.bytes("init:lartpc")).setWeightsHash(proposal)
                .setSizeBytes(4096).setClaimedScorePpm(700_000).build()));
        JsonNode proposeResult = rpc.broadcastTxSync(Transactions.encode(propose));
        assertEquals(0, proposeResult.path("code").asInt(), proposeResult.toString());
        awaitRoundStatus(rpc, RoundStatus.VOTING);

        Tx vote = Transactions.sign(keys.get(1), Transactions.vote(chainId, 0, Vote.newBuilder()
                .setExperiment(1).setRound(1).setProposal(proposal).setApprove(true).setVoteScorePpm(710_000).build()));
        JsonNode voteResult = rpc.broadcastTxSync(Transactions.encode(vote));
        assertEquals(0, voteResult.path("code").asInt(), voteResult.toString());
        awaitRoundStatus(rpc, RoundStatus.ACCEPTED);

        JsonNode replay = rpc.broadcastTxSync(Transactions.encode(Transactions.sign(keys.get(1),
                Transactions.vote(chainId, 0, vote.getBody().getVote().toBuilder().setVoteScorePpm(1).build()))));
        assertEquals(ResultCodes.NONCE_REPLAYED, replay.path("code").asInt(), replay.toString());
        JsonNode garbage = rpc.broadcastTxSync(new byte[] {1, 2, 3, 4, 5});
        assertEquals(ResultCodes.MALFORMED_TX, garbage.path("code").asInt(), garbage.toString());

        Experiment before = Experiment.parseFrom(rpc.abciQuery("/experiments/1").value());
        stopNode();
        startNode(binary, cometHome, appHome, rpcPort);
        long restartHeight = rpc.latestHeight();
        rpc.awaitHeight(restartHeight + 2, WAIT_MS);

        Experiment after = Experiment.parseFrom(rpc.abciQuery("/experiments/1").value());
        JsonNode info = rpc.abciInfo();
        long infoHeight = Long.parseLong(info.path("last_block_height").asText());
        byte[] infoHash = Base64.getDecoder().decode(info.path("last_block_app_hash").asText());
        rpc.awaitHeight(infoHeight + 1, WAIT_MS);
        assertEquals(before, after);
        assertEquals(proposal, after.getHead());
        assertArrayEquals(infoHash, rpc.headerAppHash(infoHeight + 1));
        assertTrue(cometbft.isAlive(), () -> "cometbft died:\n" + cometbft.logTail(4000));
    }

    private void startNode(Path binary, Path cometHome, Path appHome, int rpcPort) throws Exception {
        vertx = Vertx.vertx();
        server = AbciServer.start(vertx, LarcoApplication.open(appHome), "127.0.0.1", 0)
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        cometbft = CometBft.start(binary, cometHome, server.port(), rpcPort, FreePorts.next());
    }

    private void stopNode() throws Exception {
        if (cometbft != null) {
            cometbft.close();
            cometbft = null;
        }
        if (server != null) {
            server.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
            server = null;
        }
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            vertx = null;
        }
    }

    private void awaitRoundStatus(CometRpc rpc, RoundStatus status) throws Exception {
        long deadline = System.nanoTime() + WAIT_MS * 1_000_000;
        RoundStatus seen = null;
        while (System.nanoTime() < deadline) {
            CometRpc.QueryResult result = rpc.abciQuery("/experiments/1/rounds/1");
            seen = result.code() == 0 ? Round.parseFrom(result.value()).getStatus() : null;
            if (seen == status) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("round 1 did not reach " + status + " (last seen " + seen + ")\n" + cometbft.logTail(4000));
    }
}
