package org.larco.node.simulate;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.larco.node.report.RoundRecord;

/**
 * Prints one line per closed round: proposer, outcome, and each learner's vote with its vote and
 * test score. The shared model's accuracy on the common test set closes the line.
 */
final class RoundTablePrinter {

    private final PrintStream out;
    private final List<String> learners;

    RoundTablePrinter(PrintStream out, List<String> learners) {
        this.out = out;
        this.learners = List.copyOf(learners);
    }

    void printHeader() {
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%5s  %-8s  %-8s", "round", "proposer", "result"));
        for (String learner : learners) {
            header.append(String.format(Locale.ROOT, "  %-21s", learner + " vote/vs/ts"));
        }
        header.append("  shared acc");
        out.println(header);
        out.println("-".repeat(header.length()));
    }

    synchronized void print(RoundRecord record) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%5d  %-8s  %-8s",
                record.round(), record.proposer(), record.status()));
        for (String learner : learners) {
            line.append(String.format(Locale.ROOT, "  %-7s %6s %6s", symbol(record.votes().get(learner)),
                    score(record.voteScores().get(learner)), score(record.testScores().get(learner))));
        }
        line.append(String.format(Locale.ROOT, "  %9s", score(record.sharedTestAccuracy())));
        out.println(line);
        out.flush();
    }

    private static String symbol(String vote) {
        if (vote == null) {
            return "-";
        }
        return switch (vote) {
            case "APPROVE" -> "yes";
            case "REJECT" -> "no";
            case "PROPOSER" -> "prop";
            default -> "absent";
        };
    }

    private static String score(Double value) {
        return value == null || value.isNaN() ? "-" : String.format(Locale.ROOT, "%.3f", value);
    }
}
