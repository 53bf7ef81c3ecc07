package org.larco.node.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.larco.node.eval.ClassifierEvaluation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a simulation's results into a directory: results.json (everything), rounds.csv (one row
 * per round), comparison.csv (one row per model), scores-per-round.png, vote-grid.png and
 * confusion-matrix.png (the shared model). All outputs are rendered in memory first, then each
 * file is written through a temporary file and a rename, so a failure leaves earlier complete
 * files and no partial one.
 */
public final class SimulationReport {

    /** Comparison key of the collaboratively trained model; its confusion matrix is plotted. */
    public static final String SHARED = "shared";

    private static final Logger log = LoggerFactory.getLogger(SimulationReport.class);

    private SimulationReport() {
    }

    /**
     * Writes the report.
     *
     * @param learners learner names in table order
     * @param rounds closed rounds in order
     * @param finalComparison evaluations on the common test set keyed "shared", "alone:NAME"
     *     and "pooled", in the order to list them
     * @param classNames class names in label order
     * @throws IllegalArgumentException if the comparison has no "shared" entry
     * @throws IOException if the directory cannot be created or a file cannot be written
     */
    public static void write(Path outDir, List<String> learners, List<RoundRecord> rounds,
            Map<String, ClassifierEvaluation> finalComparison, List<String> classNames) throws IOException {
        ClassifierEvaluation shared = finalComparison.get(SHARED);
        if (shared == null) {
            throw new IllegalArgumentException("simulation report needs the \"" + SHARED
                    + "\" model in the final comparison; got " + finalComparison.keySet());
        }

        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("results.json", ReportJson.write(learners, rounds, finalComparison, classNames));
        files.put("rounds.csv", ReportCsv.rounds(learners, rounds));
        files.put("comparison.csv", ReportCsv.comparison(finalComparison, classNames));
        files.put("scores-per-round.png", ScoreChart.render(learners, rounds));
        files.put("vote-grid.png", VoteGridChart.render(learners, rounds));
        files.put("confusion-matrix.png",
                ConfusionMatrixChart.render("Shared model on the common test set", shared));

        Files.createDirectories(outDir);
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            AtomicFiles.write(outDir.resolve(file.getKey()), file.getValue());
        }
        log.info("simulation report written to {}: {} rounds, {} models compared", outDir, rounds.size(),
                finalComparison.size());
    }
}
