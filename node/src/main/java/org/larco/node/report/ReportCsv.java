package org.larco.node.report;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.larco.node.eval.ClassifierEvaluation;

/** Builds rounds.csv and comparison.csv; missing and NaN values are empty cells. */
final class ReportCsv {

    private ReportCsv() {
    }

    /** Builds rounds.csv: round, proposer, status, shared accuracy, then each learner's vote and scores. */
    static byte[] rounds(List<String> learners, List<RoundRecord> rounds) {
        StringBuilder csv = new StringBuilder("round,proposer,status,shared_test_accuracy");
        for (String learner : learners) {
            csv.append(',').append(learner).append("_vote")
                    .append(',').append(learner).append("_vote_score")
                    .append(',').append(learner).append("_test_score");
        }
        csv.append('\n');
        for (RoundRecord record : rounds) {
            csv.append(record.round()).append(',').append(record.proposer()).append(',').append(record.status())
                    .append(',').append(number(record.sharedTestAccuracy()));
            for (String learner : learners) {
                csv.append(',').append(record.votes().getOrDefault(learner, ""))
                        .append(',').append(number(record.voteScores().get(learner)))
                        .append(',').append(number(record.testScores().get(learner)));
            }
            csv.append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Builds comparison.csv: per model the events, accuracy, macro AUC, efficiency and purity per class. */
    static byte[] comparison(Map<String, ClassifierEvaluation> comparison, List<String> classNames) {
        StringBuilder csv = new StringBuilder("model,events,accuracy,macro_auc");
        for (String name : classNames) {
            csv.append(",efficiency_").append(name);
        }
        for (String name : classNames) {
            csv.append(",purity_").append(name);
        }
        csv.append('\n');
        for (Map.Entry<String, ClassifierEvaluation> entry : comparison.entrySet()) {
            ClassifierEvaluation evaluation = entry.getValue();
            csv.append(entry.getKey()).append(',').append(evaluation.total())
                    .append(',').append(number(evaluation.accuracy()))
                    .append(',').append(number(evaluation.macroAuc()));
            for (double efficiency : evaluation.efficiency()) {
                csv.append(',').append(number(efficiency));
            }
            for (double purity : evaluation.purity()) {
                csv.append(',').append(number(purity));
            }
            csv.append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String number(Double value) {
        if (value == null || value.isNaN() || value.isInfinite()) {
            return "";
        }
        return String.format(Locale.ROOT, "%.6f", value);
    }
}
