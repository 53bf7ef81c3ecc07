package org.larco.node.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.larco.node.eval.ClassifierEvaluation;

/**
 * Draws confusion-matrix.png, with true classes as rows and predicted classes as columns. A
 * cell's shade is the row-normalised fraction (the efficiency on the diagonal), and its label
 * shows the event count and that fraction.
 */
final class ConfusionMatrixChart {

    private static final int CELL = 90;
    private static final int MARGIN = 20;
    private static final Color FULL = new Color(0x08, 0x30, 0x6b);

    private ConfusionMatrixChart() {
    }

    static byte[] render(String title, ClassifierEvaluation evaluation) throws IOException {
        List<String> classes = evaluation.classNames();
        long[][] counts = evaluation.confusionMatrix();
        int labelWidth = 30 + classes.stream().mapToInt(String::length).max().orElse(4) * 8;
        int gridLeft = MARGIN + labelWidth + 20;
        int gridTop = 90;
        int width = Math.max(gridLeft + classes.size() * CELL + MARGIN, 560);
        int height = gridTop + classes.size() * CELL + 50;

        try (PngCanvas canvas = new PngCanvas(width, height)) {
            Graphics2D g = canvas.graphics();
            canvas.leftAligned(title, PngCanvas.TITLE, Color.BLACK, MARGIN, 18);
            canvas.leftAligned(String.format(Locale.ROOT, "%d events, accuracy %.3f; shade: fraction of the true class",
                    evaluation.total(), evaluation.accuracy()), PngCanvas.LABEL, Color.DARK_GRAY, MARGIN, 40);
            canvas.centred("predicted class", PngCanvas.LABEL, Color.BLACK, gridLeft + classes.size() * CELL / 2, 62);

            for (int truth = 0; truth < classes.size(); truth++) {
                long rowTotal = 0;
                for (long count : counts[truth]) {
                    rowTotal += count;
                }
                int y = gridTop + truth * CELL;
                canvas.rightAligned(classes.get(truth), PngCanvas.LABEL, Color.BLACK, gridLeft - 8, y + CELL / 2);
                for (int predicted = 0; predicted < classes.size(); predicted++) {
                    double fraction = rowTotal == 0 ? 0 : (double) counts[truth][predicted] / rowTotal;
                    drawCell(canvas, g, gridLeft + predicted * CELL, y, counts[truth][predicted], fraction);
                }
            }
            for (int predicted = 0; predicted < classes.size(); predicted++) {
                canvas.centred(classes.get(predicted), PngCanvas.LABEL, Color.BLACK,
                        gridLeft + predicted * CELL + CELL / 2, gridTop - 10);
            }
            canvas.leftAligned("true class: rows", PngCanvas.LABEL, Color.DARK_GRAY, MARGIN, height - 20);
            return canvas.png();
        }
    }

    private static void drawCell(PngCanvas canvas, Graphics2D g, int x, int y, long count, double fraction) {
        g.setColor(shade(fraction));
        g.fillRect(x + 1, y + 1, CELL - 2, CELL - 2);
        Color text = fraction > 0.5 ? Color.WHITE : Color.BLACK;
        canvas.centred(Long.toString(count), PngCanvas.TITLE, text, x + CELL / 2, y + CELL / 2 - 10);
        canvas.centred(String.format(Locale.ROOT, "%.1f%%", 100 * fraction), PngCanvas.LABEL, text,
                x + CELL / 2, y + CELL / 2 + 14);
    }

    private static Color shade(double fraction) {
        int r = (int) Math.round(255 + (FULL.getRed() - 255) * fraction);
        int gr = (int) Math.round(255 + (FULL.getGreen() - 255) * fraction);
        int b = (int) Math.round(255 + (FULL.getBlue() - 255) * fraction);
        return new Color(r, gr, b);
    }
}
