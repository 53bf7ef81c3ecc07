package org.larco.node.learner;

/** Decides a vote from the proposal's vote score and the current weights' vote score. */
@FunctionalInterface
public interface VoteRule {

    /** Returns whether to approve a proposal scoring {@code proposedScore} against {@code currentScore}. */
    boolean approve(double proposedScore, double currentScore);

    /** Approves a proposal that scores at least as well as the current weights. */
    static VoteRule notWorse() {
        return (proposedScore, currentScore) -> proposedScore >= currentScore;
    }

    /**
     * Approves a proposal that beats the current weights by at least {@code margin}. A freshly
     * initialised model and garbage weights both score near chance, so under {@link #notWorse()}
     * garbage can tie or beat the initial model: 2 of 5 random-weight proposals did on a
     * 120-event vote set. A margin of a few events' worth of accuracy rejects those.
     */
    static VoteRule improvesBy(double margin) {
        if (!(margin >= 0)) {
            throw new IllegalArgumentException("vote margin is " + margin + ", expected >= 0");
        }
        return (proposedScore, currentScore) -> proposedScore >= currentScore + margin;
    }

    /**
     * Approves a proposal that scores no more than {@code tolerance} below the current weights,
     * for vote sets so small that one event flips the accuracy by more than the real change.
     */
    static VoteRule notWorseWithin(double tolerance) {
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("vote tolerance is " + tolerance + ", expected >= 0");
        }
        return (proposedScore, currentScore) -> proposedScore >= currentScore - tolerance;
    }
}
