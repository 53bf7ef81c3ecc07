package org.larco.lartpc.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.IntConsumer;

/** A one-line text progress bar, redrawn in place at most every 200 ms and once at the end. */
final class ProgressBar implements IntConsumer {

    private static final int WIDTH = 30;
    private static final long REDRAW_INTERVAL_NANOS = 200_000_000L;

    private final PrintWriter out;
    private final int total;
    private final String unit;
    private final long startNanos = System.nanoTime();
    private long lastDrawNanos;

    ProgressBar(PrintWriter out, int total, String unit) {
        this.out = out;
        this.total = total;
        this.unit = unit;
    }

    @Override
    public void accept(int done) {
        long now = System.nanoTime();
        if (done < total && now - lastDrawNanos < REDRAW_INTERVAL_NANOS) {
            return;
        }
        lastDrawNanos = now;
        double fraction = total == 0 ? 1 : (double) done / total;
        int filled = (int) Math.round(fraction * WIDTH);
        double seconds = Math.max(1e-9, (now - startNanos) / 1e9);
        String bar = "#".repeat(filled) + ".".repeat(WIDTH - filled);
        out.printf(Locale.ROOT, "\r[%s] %3.0f%% %d/%d %s, %.0f %s/s", bar, 100 * fraction, done, total, unit,
                done / seconds, unit);
        if (done >= total) {
            out.println();
        }
        out.flush();
    }
}
