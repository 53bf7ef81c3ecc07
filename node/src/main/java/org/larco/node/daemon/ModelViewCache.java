package org.larco.node.daemon;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.larco.node.http.HttpApi;
import org.larco.node.round.LearnerWorker;
import org.larco.node.round.RoundListener;
import org.larco.node.round.WeightsSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the page's model and event views of the adopted head; recomputed on the learner's worker
 * each time the node adopts a new head, so HTTP requests never wait for a model evaluation.
 */
final class ModelViewCache implements HttpApi.ModelViews, RoundListener {

    private static final Logger log = LoggerFactory.getLogger(ModelViewCache.class);
    private static final int MAX_DISPLAY_EVENTS = 50;

    private final HeadEvaluator evaluator;
    private final LearnerWorker worker;
    private final WeightsSource weights;
    private final LocalHistory history;
    private volatile JsonObject model = new JsonObject().put("round", null).put("classes", List.of());
    private volatile JsonObject events = new JsonObject().put("classes", List.of()).put("events", List.of());

    ModelViewCache(HeadEvaluator evaluator, LearnerWorker worker, WeightsSource weights, LocalHistory history) {
        this.evaluator = evaluator;
        this.worker = worker;
        this.weights = weights;
        this.history = history;
    }

    @Override
    public void adopted(long experiment, long afterRound, String headHex) {
        weights.load(headHex, 0, List.of())
                .compose(head -> worker.run(() -> {
                    JsonObject modelView = evaluator.evaluate(head).put("round", afterRound).put("head", headHex);
                    JsonObject eventView = evaluator.displayEvents(head, MAX_DISPLAY_EVENTS);
                    return new JsonObject().put("model", modelView).put("events", eventView);
                }))
                .onSuccess(views -> {
                    model = views.getJsonObject("model");
                    events = views.getJsonObject("events");
                    history.recordHeadAccuracy(new LocalHistory.HeadAccuracy(
                            experiment, headHex, HeadEvaluator.accuracyOf(model), afterRound));
                })
                .onFailure(e -> log.warn("experiment={} head={} evaluation for the page failed: {}", experiment, headHex, e.toString()));
    }

    @Override
    public JsonObject model() {
        return model;
    }

    @Override
    public JsonObject events(int limit) {
        JsonObject view = events.copy();
        var list = view.getJsonArray("events");
        while (list != null && list.size() > limit) {
            list.remove(list.size() - 1);
        }
        return view;
    }
}
