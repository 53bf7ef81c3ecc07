package org.larco.node.round;

import org.larco.node.learner.TestResult;

/** Callbacks from a {@link RoundEngine} about what its learner did; all methods default to no-ops. */
public interface RoundListener {

    /**
     * Called when CheckTx accepted the learner's proposal for a round. {@code workNanos} is the time
     * the learner spent training and scoring its own proposal.
     */
    default void proposed(long experiment, long round, String weightsHashHex, TestResult ownResult, long workNanos) {
    }

    /**
     * Called when CheckTx accepted the learner's vote. {@code result} is null when it voted no without
     * scoring, and {@code evaluationNanos} is the time the scoring took.
     */
    default void voted(long experiment, long round, boolean approve, TestResult result, String reason, long evaluationNanos) {
    }

    /** Called when the learner made the experiment's head its current model; {@code round} accepted it, 0 for the initial weights. */
    default void adopted(long experiment, long round, String headHex) {
    }
}
