package org.larco.node.daemon;

import io.vertx.core.json.JsonObject;
import org.larco.node.weights.Weights;

/**
 * Scores a model on this node's own test set for the status page. Blocking: callers run it on the
 * learner's worker thread.
 */
public interface HeadEvaluator {

    /** Returns the model view: accuracy, confusion matrix, efficiency, purity and ROC curves. */
    JsonObject evaluate(Weights weights);

    /** Returns up to {@code limit} test events with pixels, true class and predicted class. */
    JsonObject displayEvents(Weights weights, int limit);
}
