package org.larco.node.daemon;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.larco.lartpc.data.ImageDataset;
import org.larco.node.eval.ClassifierEvaluation;
import org.larco.node.eval.RocCurve;
import org.larco.node.learner.Dl4jLearner;
import org.larco.node.weights.Weights;

/** Evaluates models on one node's own test set and turns the results into the page's JSON views. */
public final class TestSetEvaluator implements HeadEvaluator {

    private final Dl4jLearner learner;
    private final ImageDataset testSet;

    public TestSetEvaluator(Dl4jLearner learner, ImageDataset testSet) {
        this.learner = learner;
        this.testSet = testSet;
    }

    @Override
    public JsonObject evaluate(Weights weights) {
        return modelView(learner.evaluate(weights, testSet));
    }

    /** Converts an evaluation to the model view: accuracy, confusion counts, efficiency, purity and ROC curves. */
    public static JsonObject modelView(ClassifierEvaluation evaluation) {
        JsonArray confusion = new JsonArray();
        for (long[] row : evaluation.confusionMatrix()) {
            JsonArray counts = new JsonArray();
            for (long count : row) {
                counts.add(count);
            }
            confusion.add(counts);
        }
        JsonArray roc = new JsonArray();
        for (RocCurve curve : evaluation.rocCurves()) {
            JsonArray points = new JsonArray();
            double[] fpr = curve.falsePositiveRate();
            double[] tpr = curve.truePositiveRate();
            for (int i = 0; i < fpr.length; i++) {
                points.add(new JsonArray().add(fpr[i]).add(tpr[i]));
            }
            roc.add(new JsonObject().put("class", curve.className()).put("auc", finiteOrNull(curve.auc())).put("points", points));
        }
        return new JsonObject()
                .put("classes", new JsonArray(evaluation.classNames()))
                .put("testEvents", evaluation.total())
                .put("accuracy", finiteOrNull(evaluation.accuracy()))
                .put("confusion", confusion)
                .put("efficiency", toArray(evaluation.efficiency()))
                .put("purity", toArray(evaluation.purity()))
                .put("roc", roc);
    }

    @Override
    public JsonObject displayEvents(Weights weights, int limit) {
        int count = Math.min(limit, testSet.size());
        ImageDataset displayed = testSet.slice(0, count);
        float[][] probabilities = learner.predictProbabilities(weights, displayed);
        JsonArray events = new JsonArray();
        for (int i = 0; i < count; i++) {
            events.add(eventView(displayed, i, probabilities[i]));
        }
        return new JsonObject().put("classes", new JsonArray(testSet.classNames())).put("events", events);
    }

    private static JsonObject eventView(ImageDataset data, int index, float[] probabilities) {
        int planeSize = data.height() * data.width();
        float[] image = data.image(index);
        JsonArray planes = new JsonArray();
        for (int plane = 0; plane < data.planes(); plane++) {
            JsonArray pixels = new JsonArray();
            for (int i = 0; i < planeSize; i++) {
                pixels.add(Math.round(image[plane * planeSize + i] * 10f) / 10f);
            }
            planes.add(pixels);
        }
        int predicted = 0;
        JsonArray probabilityJson = new JsonArray();
        for (int c = 0; c < probabilities.length; c++) {
            probabilityJson.add(probabilities[c]);
            if (probabilities[c] > probabilities[predicted]) {
                predicted = c;
            }
        }
        return new JsonObject()
                .put("index", index)
                .put("trueClass", data.classNames().get(data.label(index)))
                .put("predictedClass", data.classNames().get(predicted))
                .put("probabilities", probabilityJson)
                .put("energyMev", data.energyMev(index))
                .put("planes", data.planes())
                .put("height", data.height())
                .put("width", data.width())
                .put("pixels", planes);
    }

    private static JsonArray toArray(double[] values) {
        JsonArray array = new JsonArray();
        for (double value : values) {
            array.add(finiteOrNull(value));
        }
        return array;
    }

    /** JSON has no NaN: an undefined value (a class absent from the test set) becomes null. */
    private static Double finiteOrNull(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
