package org.larco.node.simulate;

import org.larco.node.learner.Dl4jLearner;
import org.larco.node.learner.Learner;
import org.larco.node.learner.TestResult;
import org.larco.node.weights.Weights;

/**
 * A learner that proposes random weights instead of training: a faulty or malicious member,
 * used to show (and test) that the others vote its proposals down. It votes like its delegate.
 */
final class GarbageLearner implements Learner {

    private final Dl4jLearner delegate;
    private long nextSeed;

    GarbageLearner(Dl4jLearner delegate, long seed) {
        this.delegate = delegate;
        this.nextSeed = seed;
    }

    Dl4jLearner delegate() {
        return delegate;
    }

    @Override
    public synchronized Weights proposeWeights() {
        return Weights.random(delegate.currentWeights().spec(), nextSeed++);
    }

    @Override
    public TestResult testWeights(Weights weights) {
        return delegate.testWeights(weights);
    }

    @Override
    public void acceptWeights(Weights weights) {
        delegate.acceptWeights(weights);
    }

    @Override
    public Weights currentWeights() {
        return delegate.currentWeights();
    }
}
