package org.larco.abci;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.larco.abci.ledger.Events;
import org.larco.abci.ledger.Genesis;
import org.larco.abci.ledger.Ledger;
import org.larco.abci.ledger.LedgerState;
import org.larco.abci.ledger.TxRejectedException;
import org.larco.protocol.abci.Event;
import org.larco.protocol.abci.ExecTxResult;
import org.larco.protocol.abci.RequestCheckTx;
import org.larco.protocol.abci.RequestFinalizeBlock;
import org.larco.protocol.abci.RequestInfo;
import org.larco.protocol.abci.RequestInitChain;
import org.larco.protocol.abci.RequestPrepareProposal;
import org.larco.protocol.abci.RequestProcessProposal;
import org.larco.protocol.abci.RequestQuery;
import org.larco.protocol.abci.ResponseCheckTx;
import org.larco.protocol.abci.ResponseCommit;
import org.larco.protocol.abci.ResponseFinalizeBlock;
import org.larco.protocol.abci.ResponseInfo;
import org.larco.protocol.abci.ResponseInitChain;
import org.larco.protocol.abci.ResponsePrepareProposal;
import org.larco.protocol.abci.ResponseProcessProposal;
import org.larco.protocol.abci.ResponseQuery;
import org.larco.protocol.tx.LedgerSnapshot;
import org.larco.protocol.tx.Tx;
import org.larco.protocol.tx.TxBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LArCo's ledger as an ABCI 2.0 application.
 *
 * <p>Three states: the committed state (persisted, read by Info and Query, never changed after it
 * is published), the staged state (built by FinalizeBlock from the committed one, published by
 * Commit) and the check state (CheckTx's view of nonces, reset to the committed state at Commit).
 * Thread-safe: consensus calls serialise on one lock, CheckTx on another, and queries read the
 * committed state without locking.
 */
public final class LarcoApplication implements Application {

    private static final Logger log = LoggerFactory.getLogger(LarcoApplication.class);
    static final String VERSION = "0.1.0";

    private final StateStore store;
    private final TxCheck txCheck = new TxCheck();
    private final Object consensusLock = new Object();
    private final Object checkLock = new Object();

    private volatile Committed committed;
    /** Genesis state between InitChain and the first Commit; null otherwise. Guarded by consensusLock. */
    private LedgerState genesis;
    /** Guarded by consensusLock. */
    private LedgerState staged;
    /** The canonical encoding of {@link #staged} and its hash. Guarded by consensusLock. */
    private byte[] stagedSnapshot;
    private byte[] stagedHash;
    /** Guarded by checkLock. */
    private LedgerState checkState;

    /** A committed state with its canonical encoding's hash. */
    private record Committed(LedgerState state, byte[] appHash) {
    }

    private LarcoApplication(StateStore store, LedgerState state, byte[] appHash) {
        this.store = store;
        this.committed = new Committed(state, appHash);
        this.checkState = state.copy();
    }

    /**
     * Opens the ledger kept in {@code homeDir} (created when missing) at its last committed state.
     *
     * @throws IOException when the directory cannot be created or the state file is unreadable or corrupt
     */
    public static LarcoApplication open(Path homeDir) throws IOException {
        StateStore store = new StateStore(homeDir);
        LedgerSnapshot snapshot = store.load();
        if (snapshot == null) {
            log.info("ledger opened in {}: nothing committed yet, waiting for InitChain", homeDir);
            return new LarcoApplication(store, new LedgerState(), new byte[0]);
        }
        byte[] bytes = snapshot.toByteArray();
        LedgerState state = LedgerState.fromSnapshot(snapshot);
        byte[] hash = LedgerState.appHash(bytes);
        log.info("ledger opened in {}: chain {} height {} app hash {}", homeDir, state.chainId(), state.height(),
                Events.hex(ByteString.copyFrom(hash)));
        return new LarcoApplication(store, state, hash);
    }

    @Override
    public ResponseInfo info(RequestInfo request) {
        Committed current = committed;
        return ResponseInfo.newBuilder()
                .setData("larco")
                .setVersion(VERSION)
                .setAppVersion(1)
                .setLastBlockHeight(current.state().height())
                .setLastBlockAppHash(ByteString.copyFrom(current.appHash()))
                .build();
    }

    @Override
    public ResponseInitChain initChain(RequestInitChain request) {
        synchronized (consensusLock) {
            if (committed.state().height() > 0) {
                throw new IllegalStateException("InitChain for chain " + request.getChainId() + " but this ledger already committed chain "
                        + committed.state().chainId() + " up to height " + committed.state().height()
                        + "; start with an empty --home for a new chain");
            }
            long initialHeight = Math.max(1, request.getInitialHeight());
            LedgerState state;
            try {
                state = Genesis.build(request.getChainId(), initialHeight, request.getAppStateBytes().toByteArray());
            } catch (IllegalArgumentException e) {
                log.error("InitChain for chain {} failed: {}; fix app_state in genesis.json", request.getChainId(), e.getMessage());
                throw e;
            }
            byte[] hash = LedgerState.appHash(state.toSnapshot().toByteArray());
            genesis = state;
            staged = null;
            synchronized (checkLock) {
                checkState = state.copy();
            }
            // Queries see genesis at once; Info keeps reporting height 0 until the first Commit.
            committed = new Committed(state, new byte[0]);
            log.info("InitChain: chain {} initial height {}, {} members, {} experiments, app hash {}", state.chainId(),
                    initialHeight, state.members().size(), state.experiments().size(), Events.hex(ByteString.copyFrom(hash)));
            return ResponseInitChain.newBuilder().setAppHash(ByteString.copyFrom(hash)).build();
        }
    }

    @Override
    public ResponseQuery query(RequestQuery request) {
        return Queries.answer(committed.state(), request.getPath());
    }

    @Override
    public ResponseCheckTx checkTx(RequestCheckTx request) {
        try {
            byte[] bytes = request.getTx().toByteArray();
            TxCheck.Result result = txCheck.check(bytes, committed.state().chainId());
            if (!result.ok()) {
                return checkTxResult(result.code(), result.log());
            }
            synchronized (checkLock) {
                return checkAgainstState(result.tx());
            }
        } catch (RuntimeException e) {
            log.error("CheckTx failed on an unexpected error; the tx is rejected with code {}", ResultCodes.INTERNAL_ERROR, e);
            return checkTxResult(ResultCodes.INTERNAL_ERROR, "internal error: " + e);
        }
    }

    /**
     * Checks membership and nonce against the check state. A nonce above the next nonce is
     * accepted (the missing txs may still arrive), but only a nonce equal to it advances it.
     */
    private ResponseCheckTx checkAgainstState(Tx tx) {
        ByteString signer = tx.getSigner();
        TxBody body = tx.getBody();
        if (body.getMsgCase() != TxBody.MsgCase.JOIN && !checkState.isMember(signer)) {
            return checkTxResult(ResultCodes.NOT_MEMBER, "tx from " + Events.hex(signer) + " rejected: not a member; send a join first");
        }
        long expected = checkState.nextNonce(signer);
        if (Long.compareUnsigned(body.getNonce(), expected) < 0) {
            return checkTxResult(ResultCodes.NONCE_REPLAYED, "tx from " + Events.hex(signer) + " rejected: nonce "
                    + body.getNonce() + " already used, next nonce is " + expected);
        }
        if (body.getNonce() == expected) {
            checkState.setNextNonce(signer, expected + 1);
        }
        return ResponseCheckTx.newBuilder().setCode(ResultCodes.OK).setGasWanted(1).build();
    }

    private static ResponseCheckTx checkTxResult(int code, String logMessage) {
        return ResponseCheckTx.newBuilder().setCode(code).setLog(logMessage).build();
    }

    @Override
    public ResponsePrepareProposal prepareProposal(RequestPrepareProposal request) {
        String chainId = committed.state().chainId();
        ResponsePrepareProposal.Builder response = ResponsePrepareProposal.newBuilder();
        long budget = request.getMaxTxBytes();
        long used = 0;
        for (ByteString tx : request.getTxsList()) {
            long cost = BlockSize.txCost(tx.size());
            if (used + cost > budget) {
                continue;
            }
            TxCheck.Result result = txCheck.check(tx.toByteArray(), chainId);
            if (!result.ok()) {
                log.debug("PrepareProposal at height {} drops a tx: {}", request.getHeight(), result.log());
                continue;
            }
            response.addTxs(tx);
            used += cost;
        }
        return response.build();
    }

    @Override
    public ResponseProcessProposal processProposal(RequestProcessProposal request) {
        String chainId = committed.state().chainId();
        for (ByteString tx : request.getTxsList()) {
            TxCheck.Result result = txCheck.check(tx.toByteArray(), chainId);
            if (!result.ok()) {
                log.warn("ProcessProposal rejects block {} at height {}: {}", Events.hex(request.getHash()),
                        request.getHeight(), result.log());
                return ResponseProcessProposal.newBuilder().setStatus(ResponseProcessProposal.ProposalStatus.REJECT).build();
            }
        }
        return ResponseProcessProposal.newBuilder().setStatus(ResponseProcessProposal.ProposalStatus.ACCEPT).build();
    }

    @Override
    public ResponseFinalizeBlock finalizeBlock(RequestFinalizeBlock request) {
        synchronized (consensusLock) {
            LedgerState base = genesis != null ? genesis : committed.state();
            LedgerState state = base.copy();
            long height = request.getHeight();
            if (height != base.height() + 1) {
                log.warn("FinalizeBlock at height {} follows state height {}", height, base.height());
            }
            String chainId = state.chainId();
            List<TxCheck.Result> checks = request.getTxsList().parallelStream()
                    .map(tx -> txCheck.check(tx.toByteArray(), chainId))
                    .toList();

            ResponseFinalizeBlock.Builder response = ResponseFinalizeBlock.newBuilder();
            List<Event> blockEvents = new ArrayList<>();
            Ledger.beginBlock(state, height, blockEvents);
            response.addAllEvents(blockEvents);
            for (TxCheck.Result check : checks) {
                response.addTxResults(execute(state, check, height));
            }
            byte[] snapshot = state.toSnapshot().toByteArray();
            byte[] hash = LedgerState.appHash(snapshot);
            staged = state;
            stagedSnapshot = snapshot;
            stagedHash = hash;
            return response.setAppHash(ByteString.copyFrom(hash)).build();
        }
    }

    private static ExecTxResult execute(LedgerState state, TxCheck.Result check, long height) {
        if (!check.ok()) {
            log.info("tx rejected at height {} with code {}: {}", height, check.code(), check.log());
            return ExecTxResult.newBuilder().setCode(check.code()).setLog(check.log()).build();
        }
        List<Event> events = new ArrayList<>();
        try {
            Ledger.execute(state, check.tx(), events);
            return ExecTxResult.newBuilder().setCode(ResultCodes.OK).addAllEvents(events).build();
        } catch (TxRejectedException e) {
            log.info("tx rejected at height {} with code {}: {}", height, e.code(), e.getMessage());
            return ExecTxResult.newBuilder().setCode(e.code()).setLog(e.getMessage()).build();
        }
    }

    @Override
    public ResponseCommit commit() {
        synchronized (consensusLock) {
            if (staged == null) {
                log.warn("Commit without a FinalizeBlock since the last Commit; nothing to persist");
                return ResponseCommit.getDefaultInstance();
            }
            try {
                store.save(stagedSnapshot);
            } catch (IOException e) {
                throw new UncheckedIOException("Commit at height " + staged.height() + " failed to write "
                        + store.file() + ": " + e.getMessage() + "; check disk space and permissions, then restart", e);
            }
            committed = new Committed(staged, stagedHash);
            synchronized (checkLock) {
                checkState = staged.copy();
            }
            log.debug("Commit: height {} app hash {}", staged.height(), Events.hex(ByteString.copyFrom(stagedHash)));
            genesis = null;
            staged = null;
            stagedSnapshot = null;
            stagedHash = null;
            return ResponseCommit.newBuilder().setRetainHeight(0).build();
        }
    }

    /** Returns the committed state, for tests and the embedded dev chain; callers must not change it. */
    public LedgerState committedState() {
        return committed.state();
    }

    /** Returns the committed app hash (empty before the first Commit). */
    public byte[] committedAppHash() {
        return committed.appHash().clone();
    }
}
