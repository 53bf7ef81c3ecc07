package org.larco.node.learner;

import org.larco.node.weights.Weights;

/**
 * The four operations of collective learning. A node trains on its private data, scores other
 * members' proposals on its private vote set and adopts the weights the ledger accepts.
 *
 * <p>Every method blocks for as long as training or evaluation takes (seconds to minutes), so
 * callers run them on worker threads, never on an event loop. Implementations are thread-safe.
 */
public interface Learner {

    /**
     * Trains from the current weights on the local training set and returns the new weights.
     * The current weights stay as they are until {@link #acceptWeights} is called.
     */
    Weights proposeWeights();

    /**
     * Scores {@code weights} on the local vote set (the vote score) and test set (the test
     * score) and decides the vote by comparing the vote score with the current weights'.
     *
     * @throws IllegalArgumentException if the weights belong to another model spec
     */
    TestResult testWeights(Weights weights);

    /**
     * Makes {@code weights} current, as after the ledger accepts a proposal.
     *
     * @throws IllegalArgumentException if the weights belong to another model spec
     */
    void acceptWeights(Weights weights);

    /** Returns the current weights. */
    Weights currentWeights();
}
