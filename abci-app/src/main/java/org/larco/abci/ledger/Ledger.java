package org.larco.abci.ledger;

import com.google.protobuf.ByteString;
import java.util.List;
import org.larco.abci.ResultCodes;
import org.larco.protocol.abci.Event;
import org.larco.protocol.tx.Tx;
import org.larco.protocol.tx.TxBody;

/**
 * The ledger's transition functions: pure functions of (state, block height, tx), with no clock,
 * randomness, floating point or hash-order iteration.
 */
public final class Ledger {

    private Ledger() {
    }

    /**
     * Starts block {@code height}: sets the state's height, then rejects expired pending joins and
     * closes rounds whose deadline has passed, before any tx of the block runs.
     */
    public static void beginBlock(LedgerState state, long height, List<Event> events) {
        state.height = height;
        MembershipRules.expireJoins(state, height, events);
        RoundRules.processDeadlines(state, height, events);
    }

    /**
     * Checks the signer's nonce, consumes it, then applies the tx's rule. The caller has already
     * checked the tx's form, chain id and signature.
     *
     * <p>A tx whose nonce equals the signer's next nonce consumes it even when its rule then
     * rejects it, so one rejected tx never blocks the signer's later txs.
     *
     * @throws TxRejectedException with the code and reason; the state then differs at most by the
     *     consumed nonce, and {@code events} is unchanged
     */
    public static void execute(LedgerState state, Tx tx, List<Event> events) throws TxRejectedException {
        ByteString signer = tx.getSigner();
        TxBody body = tx.getBody();
        long expected = state.nextNonce(signer);
        if (body.getNonce() != expected) {
            int code = Long.compareUnsigned(body.getNonce(), expected) < 0 ? ResultCodes.NONCE_REPLAYED : ResultCodes.NONCE_GAP;
            throw new TxRejectedException(code, "tx from " + Events.hex(signer) + " rejected: nonce "
                    + Long.toUnsignedString(body.getNonce()) + ", expected " + expected
                    + "; query /accounts/" + Events.hex(signer) + "/nonce");
        }
        state.setNextNonce(signer, expected + 1);
        applyRule(state, signer, body, events);
    }

    private static void applyRule(LedgerState state, ByteString signer, TxBody body, List<Event> events)
            throws TxRejectedException {
        long height = state.height;
        switch (body.getMsgCase()) {
            case JOIN -> MembershipRules.join(state, signer, body.getJoin(), height, events);
            case ADMIT -> MembershipRules.admit(state, signer, body.getAdmit(), height, events);
            case RESUME -> MembershipRules.resume(state, signer, height, events);
            case OPEN_EXPERIMENT -> ExperimentRules.openExperiment(state, signer, body.getOpenExperiment(), height, events);
            case PROPOSE -> RoundRules.propose(state, signer, body.getPropose(), height, events);
            case VOTE -> RoundRules.vote(state, signer, body.getVote(), height, events);
            case MSG_NOT_SET -> throw new TxRejectedException(ResultCodes.MALFORMED_TX, "tx from "
                    + Events.hex(signer) + " rejected: no message");
        }
    }
}
