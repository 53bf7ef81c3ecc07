package org.larco.node.round;

import org.larco.node.learner.TestResult;

/** Callbacks from a {@link RoundEngine} about what its learner did; all methods default to no-ops. */
public interface RoundListener {

    /**
     * The learner's proposal for a round was accepted by CheckTx; {@code workNanos} is the time it
     * spent training and scoring its own proposal.
     */
    default void proposed(long experiment, long round, String weightsHashHex, TestResult ownResult, long workNanos) {
    }

    /**
     * The learner's vote was accepted by CheckTx; {@code result} is null when it voted no without
     * scoring, and {@code evaluationNanos} is the time the scoring took.
     */
    default void voted(long experiment, long round, boolean approve, TestResult result, String reason, long evaluationNanos) {
    }

    /** The learner made the experiment's head, accepted in {@code round} (0 for the initial weights), its current model. */
    default void adopted(long experiment, long round, String headHex) {
    }
}
