package org.larco.node.simulate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/** Writes round-timings.csv: each round's time split into proposer work, slowest scoring and overhead. */
final class RoundTimingCsv {

    private RoundTimingCsv() {
    }

    static void write(Path file, List<RoundTiming> timings) throws IOException {
        StringBuilder csv = new StringBuilder("round,round_ms,proposer_work_ms,slowest_scoring_ms,total_scoring_ms,overhead_ms,overhead_fraction\n");
        for (RoundTiming timing : timings) {
            csv.append(String.format(Locale.ROOT, "%d,%.1f,%.1f,%.1f,%.1f,%.1f,%.4f%n", timing.round(), timing.roundMillis(),
                    timing.proposerWorkMillis(), timing.slowestEvaluationMillis(), timing.totalEvaluationMillis(),
                    timing.overheadMillis(), timing.overheadFraction()));
        }
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temp, csv, StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
