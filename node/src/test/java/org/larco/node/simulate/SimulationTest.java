package org.larco.node.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.larco.node.report.RoundRecord;

/**
 * A small but complete simulation on the embedded dev chain: three learners with different
 * detector presets, real DL4J training, real votes, then the node's HTTP API while it keeps serving.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimulationTest {

    /** Five balanced classes. */
    private static final double CHANCE = 0.2;

    @TempDir
    static Path outDir;

    private Simulation simulation;
    private SimulationResult result;
    private String console;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void runSimulation() throws Exception {
        SimulationOptions options = new SimulationOptions(3, 3, 400, 100, SimulationOptions.DEFAULT_PRESETS, 11, 3, 32, 1, 2,
                50, 2000, outDir, 0, true, List.of(), 2, false, false);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        simulation = new Simulation(options, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        result = simulation.run();
        console = bytes.toString(StandardCharsets.UTF_8);
    }

    @AfterAll
    void stop() {
        if (simulation != null) {
            simulation.close();
        }
    }

    @Test
    void everyRoundCloses() {
        assertEquals(List.of(1L, 2L, 3L), result.rounds().stream().map(RoundRecord::round).toList(), console);
    }

    @Test
    void atLeastOneProposalIsAccepted() {
        assertTrue(result.acceptedRounds() >= 1, console);
    }

    @Test
    void everyLearnerHoldsTheHead() {
        for (String adopted : result.adoptedHeads()) {
            assertEquals(result.headHex(), adopted, console);
        }
    }

    @Test
    void sharedModelBeatsChance() {
        double accuracy = result.comparison().get("shared").accuracy();
        long testEvents = result.comparison().get("shared").total();
        // Two standard deviations of a chance-level classifier's accuracy on this many events.
        double margin = 2 * Math.sqrt(CHANCE * (1 - CHANCE) / testEvents);

        assertTrue(accuracy > CHANCE + margin, "shared accuracy " + accuracy + " on " + testEvents + " events\n" + console);
    }

    @Test
    void tablePrintsOneLinePerRound() {
        long lines = console.lines().filter(line -> line.matches("\\s+\\d+\\s+group-\\d.*")).count();

        assertEquals(3, lines, console);
    }

    @Test
    void reportFilesAreWritten() {
        for (String name : List.of("results.json", "rounds.csv", "comparison.csv", "scores-per-round.png", "vote-grid.png",
                "confusion-matrix.png")) {
            assertTrue(Files.isRegularFile(outDir.resolve(name)), name);
        }
    }

    @Test
    void statusReportsMembersAndHeight() throws Exception {
        JsonObject status = getJson("/api/status");

        assertEquals("larco-simulate", status.getString("chainId"));
        assertEquals("embedded", status.getString("mode"));
        assertTrue(status.getLong("height") > 0, status.encode());
        assertEquals(3, status.getJsonArray("members").size());
        assertEquals(result.headHex(), status.getJsonArray("experiments").getJsonObject(0).getString("head"));
    }

    @Test
    void roundsShowVotesOfEveryEligibleMember() throws Exception {
        JsonArray rounds = getJson("/api/rounds?experiment=1").getJsonArray("rounds");

        assertEquals(3, rounds.size());
        for (int i = 0; i < rounds.size(); i++) {
            JsonObject round = rounds.getJsonObject(i);
            assertEquals(round.getInteger("eligible"), round.getJsonArray("votes").size(), round.encode());
        }
    }

    @Test
    void modelViewHasConfusionMatrix() throws Exception {
        JsonObject model = getJson("/api/model");

        assertEquals(5, model.getJsonArray("classes").size(), model.encode());
        assertEquals(5, model.getJsonArray("confusion").size(), model.encode());
        assertEquals(5, model.getJsonArray("roc").size(), model.encode());
    }

    @Test
    void eventsHonourTheLimit() throws Exception {
        JsonArray events = getJson("/api/events?limit=2").getJsonArray("events");

        assertEquals(2, events.size());
        assertEquals(3, events.getJsonObject(0).getJsonArray("pixels").size());
    }

    @Test
    void metricsExposeProposalCounter() throws Exception {
        HttpResponse<String> response = get("/metrics");

        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("larco_proposals_total"), response.body());
    }

    @Test
    void invalidLimitIsRejected() throws Exception {
        HttpResponse<String> response = get("/api/events?limit=many");

        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("many"), response.body());
    }

    @Test
    void invalidExperimentIsRejected() throws Exception {
        HttpResponse<String> response = get("/api/rounds?experiment=-3");

        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("-3"), response.body());
    }

    @Test
    void unknownExperimentIsNotFound() throws Exception {
        assertEquals(404, get("/api/rounds?experiment=99").statusCode());
    }

    @Test
    void malformedBlobHashIsRejected() throws Exception {
        assertEquals(400, get("/blobs/not-a-hash").statusCode());
    }

    @Test
    void headBlobIsServed() throws Exception {
        HttpResponse<String> response = get("/blobs/" + result.headHex());

        assertEquals(200, response.statusCode());
    }

    @Test
    void adminEndpointNeedsConfiguredToken() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri("/api/admin/experiments"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"second\"}"))
                .build();

        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertEquals(403, response.statusCode());
        assertTrue(response.body().contains("token"), response.body());
    }

    private JsonObject getJson(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path);
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return new JsonObject(response.body());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(simulation.nodes().get(0).endpoint() + path);
    }
}
