package org.larco.node.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Draws scores-per-round.png: each learner's vote and test score per round, and the shared accuracy. */
final class ScoreChart {

    private ScoreChart() {
    }

    static byte[] render(List<String> learners, List<RoundRecord> rounds) throws IOException {
        XYChart chart = new XYChartBuilder().width(1000).height(560)
                .title("Scores per round (solid: vote score, dotted: test score)")
                .xAxisTitle("round").yAxisTitle("accuracy").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.0);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setDecimalPattern("#0.00");
        chart.getStyler().setXAxisDecimalPattern("#0");

        for (int i = 0; i < learners.size(); i++) {
            String learner = learners.get(i);
            Color color = Palette.learnerColor(i);
            addSeries(chart, learner + " vote", rounds, record -> record.voteScores().get(learner), color,
                    SeriesLines.SOLID);
            addSeries(chart, learner + " test", rounds, record -> record.testScores().get(learner), color,
                    SeriesLines.DASH_DASH);
        }
        XYSeries shared = addSeries(chart, "shared (common test)", rounds, RoundRecord::sharedTestAccuracy,
                Color.BLACK, new BasicStroke(3f));
        if (shared == null) {
            chart.setTitle("Scores per round: no scores recorded");
            chart.addSeries("no rounds", new double[] {0}, new double[] {0}).setShowInLegend(false);
        }
        return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    }

    /** Adds the finite points of one series; returns null when there are none. */
    private static XYSeries addSeries(XYChart chart, String name, List<RoundRecord> rounds,
            Function<RoundRecord, Double> score, Color color, BasicStroke stroke) {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (RoundRecord record : rounds) {
            Double value = score.apply(record);
            if (value != null && Double.isFinite(value)) {
                x.add((double) record.round());
                y.add(value);
            }
        }
        if (x.isEmpty()) {
            return null;
        }
        XYSeries series = chart.addSeries(name, x, y);
        series.setLineColor(color);
        series.setMarkerColor(color);
        series.setMarker(SeriesMarkers.CIRCLE);
        series.setLineStyle(stroke);
        return series;
    }
}
