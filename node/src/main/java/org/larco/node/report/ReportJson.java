package org.larco.node.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.larco.node.eval.ClassifierEvaluation;
import org.larco.node.eval.RocCurve;

/** Builds results.json: learners, classes, every round, and the final comparison. NaN is written as null. */
final class ReportJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportJson() {
    }

    static byte[] write(List<String> learners, List<RoundRecord> rounds,
            Map<String, ClassifierEvaluation> comparison, List<String> classNames) throws JsonProcessingException {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode learnerArray = root.putArray("learners");
        learners.forEach(learnerArray::add);
        ArrayNode classArray = root.putArray("classes");
        classNames.forEach(classArray::add);

        ArrayNode roundArray = root.putArray("rounds");
        for (RoundRecord record : rounds) {
            roundArray.add(roundNode(record));
        }
        ObjectNode comparisonNode = root.putObject("comparison");
        for (Map.Entry<String, ClassifierEvaluation> entry : comparison.entrySet()) {
            comparisonNode.set(entry.getKey(), evaluationNode(entry.getValue()));
        }
        return JSON.writeValueAsBytes(root);
    }

    private static ObjectNode roundNode(RoundRecord record) {
        ObjectNode node = JSON.createObjectNode();
        node.put("round", record.round());
        node.put("proposer", record.proposer());
        node.put("status", record.status());
        ObjectNode votes = node.putObject("votes");
        record.votes().forEach(votes::put);
        ObjectNode voteScores = node.putObject("vote_scores");
        record.voteScores().forEach((learner, score) -> putNumber(voteScores, learner, score));
        ObjectNode testScores = node.putObject("test_scores");
        record.testScores().forEach((learner, score) -> putNumber(testScores, learner, score));
        putNumber(node, "shared_test_accuracy", record.sharedTestAccuracy());
        return node;
    }

    private static ObjectNode evaluationNode(ClassifierEvaluation evaluation) {
        ObjectNode node = JSON.createObjectNode();
        node.put("events", evaluation.total());
        putNumber(node, "accuracy", evaluation.accuracy());
        putNumber(node, "macro_auc", evaluation.macroAuc());

        List<String> classes = evaluation.classNames();
        ObjectNode efficiency = node.putObject("efficiency");
        ObjectNode purity = node.putObject("purity");
        ObjectNode auc = node.putObject("auc");
        double[] efficiencies = evaluation.efficiency();
        double[] purities = evaluation.purity();
        List<RocCurve> curves = evaluation.rocCurves();
        for (int c = 0; c < classes.size(); c++) {
            putNumber(efficiency, classes.get(c), efficiencies[c]);
            putNumber(purity, classes.get(c), purities[c]);
            putNumber(auc, classes.get(c), curves.get(c).auc());
        }

        ArrayNode confusion = node.putArray("confusion");
        for (long[] row : evaluation.confusionMatrix()) {
            ArrayNode rowNode = confusion.addArray();
            for (long count : row) {
                rowNode.add(count);
            }
        }
        return node;
    }

    private static void putNumber(ObjectNode node, String field, Double value) {
        if (value == null || value.isNaN() || value.isInfinite()) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }
}
