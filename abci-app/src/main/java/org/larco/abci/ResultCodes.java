package org.larco.abci;

/**
 * Every non-zero code that LArCo's ABCI application returns, in CheckTx, FinalizeBlock and Query.
 *
 * <p>Codes are part of the app hash (CometBFT hashes each tx result's code), so a code's number
 * never changes once released. Each rejection also carries a log message with the values involved.
 */
public final class ResultCodes {

    public static final int OK = 0;

    // Transaction form and authentication (checked by CheckTx, PrepareProposal, ProcessProposal and FinalizeBlock).
    public static final int MALFORMED_TX = 1;
    public static final int TX_TOO_LARGE = 2;
    public static final int WRONG_CHAIN_ID = 3;
    public static final int BAD_SIGNATURE = 4;
    /** The nonce is below the signer's next nonce: a replay or a duplicate. */
    public static final int NONCE_REPLAYED = 5;
    /** FinalizeBlock only: the nonce is above the signer's next nonce, so an earlier tx is missing. */
    public static final int NONCE_GAP = 6;

    // Membership.
    public static final int NOT_MEMBER = 10;
    public static final int INACTIVE_MEMBER = 11;
    public static final int ALREADY_MEMBER = 12;
    public static final int ALREADY_PENDING = 13;
    public static final int NO_PENDING_JOIN = 14;
    public static final int DOUBLE_ADMIT = 15;
    public static final int ALREADY_ACTIVE = 16;

    // Experiments and rounds.
    public static final int INVALID_FIELD = 20;
    public static final int EXPERIMENT_NOT_FOUND = 21;
    public static final int EXPERIMENT_FINISHED = 22;
    public static final int WRONG_ROUND = 23;
    public static final int WRONG_PROPOSER = 24;
    public static final int WRONG_PARENT = 25;
    public static final int ALREADY_PROPOSED = 26;
    /** The round named by a Propose closed MISSED at its proposal deadline. */
    public static final int LATE_PROPOSAL = 27;

    // Votes.
    public static final int NO_PROPOSAL = 30;
    public static final int SELF_VOTE = 31;
    public static final int NOT_ELIGIBLE = 32;
    public static final int DOUBLE_VOTE = 33;
    public static final int WRONG_PROPOSAL = 34;
    /** The round closed at its vote deadline before this vote was executed. */
    public static final int LATE_VOTE = 35;

    // Queries.
    public static final int QUERY_UNKNOWN_PATH = 40;
    public static final int QUERY_NOT_FOUND = 41;
    public static final int QUERY_BAD_ARGUMENT = 42;

    /**
     * CheckTx hit a bug; the tx is rejected and the error logged. In FinalizeBlock a bug raises
     * Response{exception} instead, which stops CometBFT rather than let a half-applied tx diverge.
     */
    public static final int INTERNAL_ERROR = 99;

    private ResultCodes() {
    }
}
