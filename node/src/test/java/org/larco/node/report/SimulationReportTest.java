package org.larco.node.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.larco.node.eval.ClassifierEvaluation;

class SimulationReportTest {

    private static final List<String> LEARNERS = List.of("alice", "bob", "carol");
    private static final List<String> CLASSES = List.of("muon", "pion", "proton");

    @TempDir
    Path outDir;

    private static List<RoundRecord> rounds() {
        List<RoundRecord> rounds = new ArrayList<>();
        for (int r = 1; r <= 6; r++) {
            String proposer = LEARNERS.get((r - 1) % 3);
            Map<String, String> votes = new LinkedHashMap<>();
            Map<String, Double> voteScores = new LinkedHashMap<>();
            Map<String, Double> testScores = new LinkedHashMap<>();
            for (String learner : LEARNERS) {
                if (learner.equals(proposer)) {
                    votes.put(learner, "PROPOSER");
                } else if (r == 4 && learner.equals("carol")) {
                    votes.put(learner, "ABSENT");
                } else {
                    votes.put(learner, r == 5 ? "REJECT" : "APPROVE");
                    voteScores.put(learner, 0.3 + 0.1 * r);
                    testScores.put(learner, 0.25 + 0.1 * r);
                }
            }
            String status = r == 5 ? "REJECTED" : "ACCEPTED";
            rounds.add(new RoundRecord(r, proposer, status, votes, voteScores, testScores, r == 1 ? Double.NaN : 0.2 + 0.1 * r));
        }
        return rounds;
    }

    private static ClassifierEvaluation evaluation(int correctEvery) {
        int events = 30;
        int[] labels = new int[events];
        float[][] probabilities = new float[events][];
        for (int i = 0; i < events; i++) {
            labels[i] = i % 3;
            int predicted = i % correctEvery == 0 ? (labels[i] + 1) % 3 : labels[i];
            probabilities[i] = new float[3];
            probabilities[i][predicted] = 0.8f;
            probabilities[i][(predicted + 1) % 3] = 0.2f;
        }
        return ClassifierEvaluation.of(labels, probabilities, CLASSES);
    }

    private static Map<String, ClassifierEvaluation> comparison() {
        Map<String, ClassifierEvaluation> comparison = new LinkedHashMap<>();
        comparison.put("shared", evaluation(4));
        comparison.put("alone:alice", evaluation(2));
        comparison.put("pooled", evaluation(5));
        return comparison;
    }

    @Test
    void writesAllFiles() throws Exception {
        SimulationReport.write(outDir, LEARNERS, rounds(), comparison(), CLASSES);

        for (String name : List.of("results.json", "rounds.csv", "comparison.csv", "scores-per-round.png",
                "vote-grid.png", "confusion-matrix.png")) {
            assertTrue(Files.size(outDir.resolve(name)) > 0, name);
        }
        try (var listing = Files.list(outDir)) {
            assertEquals(6, listing.count(), "no temporary files left");
        }
    }

    @Test
    void pngFilesDecode() throws Exception {
        SimulationReport.write(outDir, LEARNERS, rounds(), comparison(), CLASSES);

        for (String name : List.of("scores-per-round.png", "vote-grid.png", "confusion-matrix.png")) {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(outDir.resolve(name))));
            assertTrue(image.getWidth() >= 500, name + " width " + image.getWidth());
        }
    }

    @Test
    void resultsJsonHoldsRoundsAndComparison() throws Exception {
        SimulationReport.write(outDir, LEARNERS, rounds(), comparison(), CLASSES);

        JsonNode root = new ObjectMapper().readTree(outDir.resolve("results.json").toFile());
        assertEquals(6, root.get("rounds").size());
        assertEquals("PROPOSER", root.get("rounds").get(1).get("votes").get("bob").asText());
        assertTrue(root.get("rounds").get(0).get("shared_test_accuracy").isNull());
        assertEquals(22.0 / 30, root.get("comparison").get("shared").get("accuracy").asDouble(), 1e-9);
        assertEquals(List.of("shared", "alone:alice", "pooled"), fieldNames(root.get("comparison")));
        assertEquals(10, root.get("comparison").get("shared").get("confusion").get(0).get(0).asLong()
                + root.get("comparison").get("shared").get("confusion").get(0).get(1).asLong());
    }

    @Test
    void roundsCsvHasOneRowPerRound() throws Exception {
        SimulationReport.write(outDir, LEARNERS, rounds(), comparison(), CLASSES);

        List<String> lines = Files.readAllLines(outDir.resolve("rounds.csv"));
        assertEquals(7, lines.size());
        assertEquals("round,proposer,status,shared_test_accuracy,alice_vote,alice_vote_score,alice_test_score,"
                + "bob_vote,bob_vote_score,bob_test_score,carol_vote,carol_vote_score,carol_test_score", lines.get(0));
        assertEquals("4,alice,ACCEPTED,0.600000,PROPOSER,,,APPROVE,0.700000,0.650000,ABSENT,,", lines.get(4));
    }

    @Test
    void comparisonCsvListsModelsInOrder() throws Exception {
        SimulationReport.write(outDir, LEARNERS, rounds(), comparison(), CLASSES);

        List<String> lines = Files.readAllLines(outDir.resolve("comparison.csv"));
        assertEquals("model,events,accuracy,macro_auc,efficiency_muon,efficiency_pion,efficiency_proton,"
                + "purity_muon,purity_pion,purity_proton", lines.get(0));
        assertArrayEquals(new String[] {"shared", "alone:alice", "pooled"},
                lines.subList(1, 4).stream().map(line -> line.split(",")[0]).toArray());
    }

    @Test
    void emptyRoundsStillWriteCharts() throws Exception {
        SimulationReport.write(outDir, LEARNERS, List.of(), comparison(), CLASSES);

        assertTrue(Files.size(outDir.resolve("scores-per-round.png")) > 0);
        assertTrue(Files.size(outDir.resolve("vote-grid.png")) > 0);
    }

    @Test
    void missingSharedModelIsRejectedBeforeWriting() {
        Map<String, ClassifierEvaluation> comparison = new LinkedHashMap<>();
        comparison.put("pooled", evaluation(5));
        Path target = outDir.resolve("report");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SimulationReport.write(target, LEARNERS, rounds(), comparison, CLASSES));
        assertTrue(e.getMessage().contains("\"shared\""), e.getMessage());
        assertFalse(Files.exists(target));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
