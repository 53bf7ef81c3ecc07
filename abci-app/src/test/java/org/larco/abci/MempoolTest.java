package org.larco.abci;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.ByteString;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.larco.abci.testing.GenesisBuilder;
import org.larco.abci.testing.Hashes;
import org.larco.abci.testing.LedgerDriver;
import org.larco.abci.testing.TestKeys;
import org.larco.protocol.abci.RequestCheckTx;
import org.larco.protocol.abci.RequestPrepareProposal;
import org.larco.protocol.abci.RequestProcessProposal;
import org.larco.protocol.abci.ResponseProcessProposal;
import org.larco.protocol.keys.NodeKey;
import org.larco.protocol.tx.Propose;
import org.larco.protocol.tx.Transactions;
import org.larco.protocol.tx.Tx;

/** CheckTx's nonce and membership checks, and block building in PrepareProposal and ProcessProposal. */
class MempoolTest {

    @TempDir
    Path home;

    private final List<NodeKey> keys = TestKeys.keys(2);
    private final NodeKey outsider = TestKeys.key(5);

    private LedgerDriver chain() {
        return LedgerDriver.genesis(LedgerDriver.open(home), new GenesisBuilder().members(keys).experiment("e").json());
    }

    private static Tx propose(NodeKey key, long nonce) {
        return Transactions.sign(key, Transactions.propose(LedgerDriver.CHAIN_ID, nonce, Propose.newBuilder()
                .setExperiment(1).setRound(1).setParent(Hashes.bytes("init:e")).setWeightsHash(Hashes.bytes("w" + nonce)).build()));
    }

    private static int checkTx(LedgerDriver chain, Tx tx) {
        return chain.app().checkTx(RequestCheckTx.newBuilder().setTx(ByteString.copyFrom(Transactions.encode(tx))).build()).getCode();
    }

    @Test
    void checkTxAcceptsConsecutiveNonces() {
        LedgerDriver chain = chain();

        assertEquals(ResultCodes.OK, checkTx(chain, propose(keys.get(0), 0)));
        assertEquals(ResultCodes.OK, checkTx(chain, propose(keys.get(0), 1)));
    }

    @Test
    void checkTxRejectsUsedNonce() {
        LedgerDriver chain = chain();
        checkTx(chain, propose(keys.get(0), 0));

        assertEquals(ResultCodes.NONCE_REPLAYED, checkTx(chain, Transactions.sign(keys.get(0), Transactions.resume(LedgerDriver.CHAIN_ID, 0))));
    }

    @Test
    void checkTxAcceptsFutureNonce() {
        assertEquals(ResultCodes.OK, checkTx(chain(), propose(keys.get(0), 3)));
    }

    @Test
    void checkStateResetsAtCommit() {
        LedgerDriver chain = chain();
        checkTx(chain, propose(keys.get(0), 0));
        chain.block();

        assertEquals(ResultCodes.OK, checkTx(chain, Transactions.sign(keys.get(0), Transactions.resume(LedgerDriver.CHAIN_ID, 0))));
    }

    @Test
    void checkTxRejectsNonMember() {
        assertEquals(ResultCodes.NOT_MEMBER, checkTx(chain(), propose(outsider, 0)));
    }

    @Test
    void checkTxAcceptsJoinFromNonMember() {
        LedgerDriver chain = chain();

        assertEquals(ResultCodes.OK, checkTx(chain, chain.join(outsider, "http://127.0.0.1:9000")));
    }

    @Test
    void prepareProposalKeepsTxsWithinMaxTxBytes() {
        LedgerDriver chain = chain();
        ByteString first = ByteString.copyFrom(Transactions.encode(propose(keys.get(0), 0)));
        ByteString second = ByteString.copyFrom(Transactions.encode(propose(keys.get(1), 0)));
        long budget = BlockSize.txCost(first.size()) + BlockSize.txCost(second.size()) - 1;

        List<ByteString> kept = chain.app().prepareProposal(RequestPrepareProposal.newBuilder()
                .setMaxTxBytes(budget).addTxs(first).addTxs(second).setHeight(1).build()).getTxsList();

        assertEquals(List.of(first), kept);
    }

    @Test
    void prepareProposalDropsInvalidTx() {
        LedgerDriver chain = chain();
        ByteString valid = ByteString.copyFrom(Transactions.encode(propose(keys.get(0), 0)));

        List<ByteString> kept = chain.app().prepareProposal(RequestPrepareProposal.newBuilder()
                .setMaxTxBytes(1_000_000).addTxs(ByteString.copyFromUtf8("junk")).addTxs(valid).setHeight(1).build()).getTxsList();

        assertEquals(List.of(valid), kept);
    }

    @Test
    void processProposalAcceptsValidBlock() {
        LedgerDriver chain = chain();
        ByteString valid = ByteString.copyFrom(Transactions.encode(propose(keys.get(0), 0)));

        ResponseProcessProposal response = chain.app().processProposal(RequestProcessProposal.newBuilder()
                .addTxs(valid).setHeight(1).build());

        assertEquals(ResponseProcessProposal.ProposalStatus.ACCEPT, response.getStatus());
    }

    @Test
    void txCostCountsTagAndLength() {
        assertEquals(100 + 1 + 1, BlockSize.txCost(100));
        assertEquals(200 + 1 + 2, BlockSize.txCost(200));
    }
}
