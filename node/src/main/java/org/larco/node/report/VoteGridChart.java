package org.larco.node.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.io.IOException;
import java.util.List;

/**
 * Draws vote-grid.png with one row per learner and one column per round. A cell shows the
 * learner's vote (green approve, red reject, grey absent) or a blue "P" for the round's
 * proposer. The round's outcome is printed under its column (A accepted, R rejected, M missed).
 */
final class VoteGridChart {

    private static final int MARGIN = 20;
    private static final int TITLE_HEIGHT = 40;
    private static final int LEGEND_HEIGHT = 50;

    private VoteGridChart() {
    }

    static byte[] render(List<String> learners, List<RoundRecord> rounds) throws IOException {
        int columns = Math.max(rounds.size(), 1);
        int cell = Math.max(12, Math.min(36, 1100 / columns));
        int labelWidth = 20 + learners.stream().mapToInt(String::length).max().orElse(4) * 8;
        int gridLeft = MARGIN + labelWidth;
        int gridTop = TITLE_HEIGHT + 20;
        int width = Math.max(gridLeft + columns * cell + MARGIN, 520);
        int height = gridTop + learners.size() * cell + 24 + LEGEND_HEIGHT;

        try (PngCanvas canvas = new PngCanvas(width, height)) {
            Graphics2D g = canvas.graphics();
            canvas.leftAligned("Votes per round (rows: learners, columns: rounds)", PngCanvas.TITLE, Color.BLACK,
                    MARGIN, TITLE_HEIGHT / 2);
            int labelEvery = Math.max(1, 30 / cell);

            for (int column = 0; column < rounds.size(); column++) {
                RoundRecord record = rounds.get(column);
                int x = gridLeft + column * cell;
                if (column % labelEvery == 0) {
                    canvas.centred(Long.toString(record.round()), PngCanvas.LABEL, Color.DARK_GRAY, x + cell / 2,
                            gridTop - 10);
                }
                for (int row = 0; row < learners.size(); row++) {
                    drawCell(canvas, g, record, learners.get(row), x, gridTop + row * cell, cell);
                }
                canvas.centred(statusLetter(record.status()), PngCanvas.CELL, Color.BLACK, x + cell / 2,
                        gridTop + learners.size() * cell + 12);
            }
            for (int row = 0; row < learners.size(); row++) {
                canvas.rightAligned(learners.get(row), PngCanvas.LABEL, Color.BLACK, gridLeft - 8,
                        gridTop + row * cell + cell / 2);
            }
            drawLegend(canvas, g, MARGIN, height - LEGEND_HEIGHT + 15);
            return canvas.png();
        }
    }

    private static void drawCell(PngCanvas canvas, Graphics2D g, RoundRecord record, String learner, int x, int y,
            int cell) {
        String vote = learner.equals(record.proposer()) ? "PROPOSER" : record.votes().getOrDefault(learner, "ABSENT");
        g.setColor(colorOf(vote));
        g.fillRect(x + 1, y + 1, cell - 2, cell - 2);
        if (vote.equals("PROPOSER") && cell >= 14) {
            canvas.centred("P", PngCanvas.CELL, Color.WHITE, x + cell / 2, y + cell / 2);
        }
    }

    private static void drawLegend(PngCanvas canvas, Graphics2D g, int x, int y) {
        String[] names = {"approve", "reject", "absent", "proposer"};
        Color[] colors = {Palette.APPROVE, Palette.REJECT, Palette.ABSENT, Palette.PROPOSER};
        int cursor = x;
        for (int i = 0; i < names.length; i++) {
            g.setColor(colors[i]);
            g.fillRect(cursor, y - 7, 14, 14);
            canvas.leftAligned(names[i], PngCanvas.LABEL, Color.BLACK, cursor + 20, y);
            cursor += 30 + canvas.textWidth(names[i], PngCanvas.LABEL);
        }
        canvas.leftAligned("outcome: A accepted, R rejected, M missed", PngCanvas.LABEL, Color.DARK_GRAY, x, y + 22);
    }

    private static Color colorOf(String vote) {
        return switch (vote) {
            case "APPROVE" -> Palette.APPROVE;
            case "REJECT" -> Palette.REJECT;
            case "PROPOSER" -> Palette.PROPOSER;
            default -> Palette.ABSENT;
        };
    }

    private static String statusLetter(String status) {
        return switch (status) {
            case "ACCEPTED" -> "A";
            case "REJECTED" -> "R";
            case "MISSED" -> "M";
            default -> "?";
        };
    }
}
