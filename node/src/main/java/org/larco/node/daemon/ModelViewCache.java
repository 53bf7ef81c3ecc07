package org.larco.node.daemon;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.larco.node.http.HttpApi;
import org.larco.node.round.LearnerWorker;
import org.larco.node.round.RoundListener;
import org.larco.node.round.WeightsSource;

/**
 * The page's model and event views of the adopted head, computed on first request and cached
 * until the node adopts another head. They run on their own worker thread, so a page view never
 * delays the learner's training or voting.
 */
final class ModelViewCache implements HttpApi.ModelViews, RoundListener {

    private static final int MAX_DISPLAY_EVENTS = 50;

    private final HeadEvaluator evaluator;
    private final LearnerWorker pageWorker;
    private final WeightsSource weights;
    private volatile Adopted adopted;
    private Future<JsonObject> views;
    private String viewedHead = "";

    private record Adopted(long experiment, long round, String headHex) {
    }

    ModelViewCache(HeadEvaluator evaluator, LearnerWorker pageWorker, WeightsSource weights) {
        this.evaluator = evaluator;
        this.pageWorker = pageWorker;
        this.weights = weights;
    }

    @Override
    public void adopted(long experiment, long round, String headHex) {
        adopted = new Adopted(experiment, round, headHex);
    }

    @Override
    public Future<JsonObject> model() {
        return views().map(v -> v.getJsonObject("model"));
    }

    @Override
    public Future<JsonObject> events(int limit) {
        return views().map(v -> {
            JsonObject view = v.getJsonObject("events").copy();
            JsonArray list = view.getJsonArray("events");
            while (list.size() > limit) {
                list.remove(list.size() - 1);
            }
            return view;
        });
    }

    /** Called on the HTTP server's event loop only, so the cached future needs no lock. */
    private Future<JsonObject> views() {
        Adopted head = adopted;
        if (head == null) {
            return Future.succeededFuture(new JsonObject()
                    .put("model", new JsonObject().put("round", null).put("classes", List.of()))
                    .put("events", new JsonObject().put("classes", List.of()).put("events", List.of())));
        }
        if (views == null || views.failed() || !head.headHex().equals(viewedHead)) {
            viewedHead = head.headHex();
            views = weights.load(head.headHex(), 0, List.of()).compose(model -> pageWorker.run(() -> new JsonObject()
                    .put("model", evaluator.evaluate(model).put("round", head.round()).put("head", head.headHex())
                            .put("experiment", head.experiment()))
                    .put("events", evaluator.displayEvents(model, MAX_DISPLAY_EVENTS))));
        }
        return views;
    }
}
