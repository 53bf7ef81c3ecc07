package org.larco.node.learner;

/**
 * A learner's verdict on proposed weights.
 *
 * @param voteScore accuracy on the learner's vote set, in [0, 1]; the score that decides the vote
 * @param testScore accuracy on the learner's test set, in [0, 1]; reported only
 * @param approve whether the learner votes for the proposal
 */
public record TestResult(double voteScore, double testScore, boolean approve) {
}
