package org.larco.node.report;

import java.util.List;
import java.util.Locale;

/**
 * Formats the per-round console table of a simulation: round, proposer, outcome, each learner's
 * vote with its vote and test score, and the shared model's accuracy on the common test set.
 * A learner's cell reads {@code + 0.812/0.790} (approve, vote score, test score), {@code -} for
 * reject, {@code P} for the proposer and {@code .} when absent. Stateless and thread-safe.
 */
public final class RoundTable {

    private static final int CELL_WIDTH = 15;

    private final List<String> learners;

    public RoundTable(List<String> learners) {
        this.learners = List.copyOf(learners);
    }

    /** Returns the header line. */
    public String header() {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%5s  %-10s %-8s", "round", "proposer", "result"));
        for (String learner : learners) {
            line.append(' ').append(pad(learner));
        }
        return line.append(String.format(Locale.ROOT, " %7s", "shared")).toString();
    }

    /** Returns the line of one round. */
    public String row(RoundRecord record) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%5d  %-10s %-8s", record.round(),
                record.proposer(), record.status()));
        for (String learner : learners) {
            line.append(' ').append(pad(cell(record, learner)));
        }
        return line.append(String.format(Locale.ROOT, " %7s", score(record.sharedTestAccuracy()))).toString();
    }

    private static String cell(RoundRecord record, String learner) {
        String vote = learner.equals(record.proposer()) ? "PROPOSER" : record.votes().getOrDefault(learner, "ABSENT");
        String mark = switch (vote) {
            case "APPROVE" -> "+";
            case "REJECT" -> "-";
            case "PROPOSER" -> "P";
            default -> ".";
        };
        Double voteScore = record.voteScores().get(learner);
        Double testScore = record.testScores().get(learner);
        if (voteScore == null && testScore == null) {
            return mark;
        }
        return mark + " " + score(voteScore) + "/" + score(testScore);
    }

    private static String score(Double value) {
        if (value == null || value.isNaN()) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static String pad(String text) {
        return String.format(Locale.ROOT, "%-" + CELL_WIDTH + "s", text);
    }
}
