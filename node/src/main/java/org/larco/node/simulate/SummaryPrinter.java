package org.larco.node.simulate;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.larco.node.eval.ClassifierEvaluation;

/** Prints the end-of-run comparison on the common held-out test set. */
final class SummaryPrinter {

    private final PrintStream out;

    SummaryPrinter(PrintStream out) {
        this.out = out;
    }

    void print(SimulationResult result, List<String> classNames, Path outDir) {
        out.println();
        out.printf(Locale.ROOT, "Rounds: %d closed, %d accepted. Final head (the shared model's weights hash): %s%n",
                result.rounds().size(), result.acceptedRounds(), abbreviate(result.headHex()));
        boolean allAdopted = result.adoptedHeads().stream().allMatch(result.headHex()::equals);
        out.println("Every learner's current weights equal the head: " + (allAdopted ? "yes" : "NO " + result.adoptedHeads()));
        out.printf(Locale.ROOT, "Round overhead: %.1f %% of round time beyond the proposer's training and the slowest voter's"
                + " scoring; %.1f %% beyond training and all voters' scoring, which share this machine's cores.%n",
                100 * result.overheadFraction(), 100 * result.overheadBeyondAllScoringFraction());
        out.println();
        out.println("Common held-out test set (events from every group):");

        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "  %-16s %8s", "model", "accuracy"));
        for (String name : classNames) {
            header.append(String.format(Locale.ROOT, "  %-15s", name + " eff/pur"));
        }
        out.println(header);
        for (Map.Entry<String, ClassifierEvaluation> entry : result.comparison().entrySet()) {
            printRow(entry.getKey(), entry.getValue());
        }
        out.println();
        out.printf(Locale.ROOT, "Wall time %.1f s. Results and plots: %s%n", result.wallTime().toMillis() / 1000.0, outDir.toAbsolutePath());
    }

    private void printRow(String model, ClassifierEvaluation evaluation) {
        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-16s %8.3f", model, evaluation.accuracy()));
        double[] efficiency = evaluation.efficiency();
        double[] purity = evaluation.purity();
        for (int c = 0; c < efficiency.length; c++) {
            row.append(String.format(Locale.ROOT, "  %6s/%-8s", fraction(efficiency[c]), fraction(purity[c])));
        }
        out.println(row);
    }

    /** Formats a fraction, or "-" where it is undefined (no event of, or predicted as, the class). */
    private static String fraction(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.3f", value);
    }

    private static String abbreviate(String hex) {
        return hex.length() > 16 ? hex.substring(0, 16) + "..." : hex;
    }
}
