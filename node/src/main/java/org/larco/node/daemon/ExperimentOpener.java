package org.larco.node.daemon;

import com.google.protobuf.ByteString;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.larco.node.learner.Learner;
import org.larco.node.ledger.TxSubmitter;
import org.larco.node.round.WeightsSource;
import org.larco.node.weights.Weights;
import org.larco.protocol.tx.OpenExperiment;
import org.larco.protocol.tx.TxBody;

/**
 * Opens a new experiment from an admin request, starting from this node's current weights, which
 * it stores so other members can fetch them.
 */
final class ExperimentOpener implements org.larco.node.http.HttpApi.AdminActions {

    private final TxSubmitter submitter;
    private final Learner learner;
    private final WeightsSource weights;

    ExperimentOpener(TxSubmitter submitter, Learner learner, WeightsSource weights) {
        this.submitter = submitter;
        this.learner = learner;
        this.weights = weights;
    }

    @Override
    public Future<JsonObject> openExperiment(JsonObject request) {
        String name = requireText(request, "name");
        int num = requireInt(request, "thresholdNum", 1, 0, 1000);
        int den = requireInt(request, "thresholdDen", 2, 1, 1000);
        if (num > den) {
            throw new IllegalArgumentException("invalid threshold " + num + "/" + den + ": thresholdNum must not exceed thresholdDen");
        }
        Weights initial = learner.currentWeights();
        String initialHex = weights.save(initial);
        OpenExperiment open = OpenExperiment.newBuilder()
                .setName(name)
                .setModelSpecHash(ByteString.copyFrom(initial.spec().sha256()))
                .setInitialWeightsHash(ByteString.copyFrom(initial.sha256()))
                .setThresholdNum(num)
                .setThresholdDen(den)
                .setProposalDeadlineBlocks(requireInt(request, "proposalDeadlineBlocks", 600, 5, 1_000_000))
                .setVoteDeadlineBlocks(requireInt(request, "voteDeadlineBlocks", 600, 5, 1_000_000))
                .setMaxRounds(requireInt(request, "maxRounds", 10, 1, 100_000))
                .setCompetition(request.getBoolean("competition", false))
                .setTask(request.getString("task", ""))
                .build();
        return submitter.submit(TxBody.newBuilder().setOpenExperiment(open), "open experiment " + name)
                .map(result -> new JsonObject()
                        .put("txHash", result.txHashHex())
                        .put("initialWeightsHash", initialHex)
                        .put("modelSpecHash", initial.spec().sha256Hex()));
    }

    private static String requireText(JsonObject request, String key) {
        Object value = request.getValue(key);
        if (!(value instanceof String text) || text.isBlank() || text.length() > 128) {
            throw new IllegalArgumentException("invalid '" + key + "': send a text of 1 to 128 characters");
        }
        return text;
    }

    private static int requireInt(JsonObject request, String key, int defaultValue, int min, int max) {
        Object value = request.getValue(key);
        if (value == null) {
            return defaultValue;
        }
        if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())
                || number.longValue() < min || number.longValue() > max) {
            throw new IllegalArgumentException("invalid '" + key + "' " + value + ": send a whole number from " + min + " to " + max);
        }
        return number.intValue();
    }
}
