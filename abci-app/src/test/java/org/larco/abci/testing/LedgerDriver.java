package org.larco.abci.testing;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.larco.abci.Application;
import org.larco.abci.LarcoApplication;
import org.larco.protocol.abci.ExecTxResult;
import org.larco.protocol.abci.RequestFinalizeBlock;
import org.larco.protocol.abci.RequestInitChain;
import org.larco.protocol.abci.RequestQuery;
import org.larco.protocol.abci.ResponseFinalizeBlock;
import org.larco.protocol.abci.ResponseQuery;
import org.larco.protocol.keys.NodeKey;
import org.larco.protocol.tx.Admit;
import org.larco.protocol.tx.Join;
import org.larco.protocol.tx.OpenExperiment;
import org.larco.protocol.tx.Propose;
import org.larco.protocol.tx.Transactions;
import org.larco.protocol.tx.Tx;
import org.larco.protocol.tx.TxBody;
import org.larco.protocol.tx.Vote;

/**
 * Drives an {@link Application} block by block the way CometBFT does (FinalizeBlock, then
 * Commit), signing txs with the next nonce of each key. Nonces are counted from the committed
 * state plus the txs built since the last block.
 */
public final class LedgerDriver {

    public static final String CHAIN_ID = "larco-test";

    private final Application app;
    private final Map<ByteString, Long> unsentNonces = new HashMap<>();
    private long height;
    private final List<RequestFinalizeBlock> blocks = new ArrayList<>();

    public LedgerDriver(Application app, long height) {
        this.app = app;
        this.height = height;
    }

    /** Runs InitChain with {@code appState} on a fresh application. */
    public static LedgerDriver genesis(Application app, String appState) {
        app.initChain(RequestInitChain.newBuilder()
                .setChainId(CHAIN_ID)
                .setInitialHeight(1)
                .setAppStateBytes(ByteString.copyFrom(appState, StandardCharsets.UTF_8))
                .build());
        return new LedgerDriver(app, 0);
    }

    public long height() {
        return height;
    }

    /** Returns every block finalized so far, for replay. */
    public List<RequestFinalizeBlock> blocks() {
        return List.copyOf(blocks);
    }

    /** Builds and signs a tx for {@code key} with its next nonce. */
    public Tx tx(NodeKey key, Function<Long, TxBody> body) {
        ByteString signer = ByteString.copyFrom(key.publicKey());
        long nonce = unsentNonces.computeIfAbsent(signer, this::committedNonce);
        unsentNonces.put(signer, nonce + 1);
        return Transactions.sign(key, body.apply(nonce));
    }

    private long committedNonce(ByteString signer) {
        ResponseQuery response = app.query(RequestQuery.newBuilder()
                .setPath("/accounts/" + org.larco.abci.ledger.Events.hex(signer) + "/nonce").build());
        try {
            return org.larco.protocol.tx.Nonce.parseFrom(response.getValue()).getNext();
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }

    public Tx join(NodeKey key, String endpoint) {
        return tx(key, nonce -> Transactions.join(CHAIN_ID, nonce,
                Join.newBuilder().setName(key.name()).setEndpoint(endpoint).build()));
    }

    public Tx admit(NodeKey key, NodeKey candidate, boolean approve) {
        return tx(key, nonce -> Transactions.admit(CHAIN_ID, nonce, Admit.newBuilder()
                .setCandidate(ByteString.copyFrom(candidate.publicKey())).setApprove(approve).build()));
    }

    public Tx resume(NodeKey key) {
        return tx(key, nonce -> Transactions.resume(CHAIN_ID, nonce));
    }

    public Tx openExperiment(NodeKey key, OpenExperiment spec) {
        return tx(key, nonce -> Transactions.openExperiment(CHAIN_ID, nonce, spec));
    }

    public Tx propose(NodeKey key, long experiment, long round, ByteString parent, ByteString weights) {
        return tx(key, nonce -> Transactions.propose(CHAIN_ID, nonce, Propose.newBuilder()
                .setExperiment(experiment).setRound(round).setParent(parent).setWeightsHash(weights)
                .setSizeBytes(1000).setClaimedScorePpm(500_000).build()));
    }

    public Tx vote(NodeKey key, long experiment, long round, ByteString proposal, boolean approve, long scorePpm) {
        return tx(key, nonce -> Transactions.vote(CHAIN_ID, nonce, Vote.newBuilder()
                .setExperiment(experiment).setRound(round).setProposal(proposal).setApprove(approve)
                .setVoteScorePpm(scorePpm).build()));
    }

    /** Finalizes and commits one block holding {@code txs}. */
    public ResponseFinalizeBlock block(Tx... txs) {
        return blockOfBytes(Arrays.stream(txs).map(tx -> ByteString.copyFrom(Transactions.encode(tx))).toList());
    }

    public ResponseFinalizeBlock blockOfBytes(List<ByteString> txs) {
        height++;
        RequestFinalizeBlock request = RequestFinalizeBlock.newBuilder()
                .setHeight(height)
                .setHash(ByteString.copyFrom(Hashes.of("block " + height)))
                .addAllTxs(txs)
                .build();
        blocks.add(request);
        ResponseFinalizeBlock response = app.finalizeBlock(request);
        app.commit();
        unsentNonces.clear();
        return response;
    }

    /** Runs a one-tx block and returns the tx's result. */
    public ExecTxResult deliver(Tx tx) {
        return block(tx).getTxResults(0);
    }

    public void emptyBlocks(int count) {
        for (int i = 0; i < count; i++) {
            block();
        }
    }

    public <T> T query(String path, com.google.protobuf.Parser<T> parser) {
        ResponseQuery response = app.query(RequestQuery.newBuilder().setPath(path).build());
        if (response.getCode() != 0) {
            throw new IllegalStateException("query " + path + " failed with code " + response.getCode() + ": " + response.getLog());
        }
        try {
            return parser.parseFrom(response.getValue());
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }

    public Application app() {
        return app;
    }

    /** Opens a LarcoApplication in {@code home}; wraps the checked exception for test brevity. */
    public static LarcoApplication open(java.nio.file.Path home) {
        try {
            return LarcoApplication.open(home);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
