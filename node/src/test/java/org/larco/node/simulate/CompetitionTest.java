package org.larco.node.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.larco.node.daemon.LearnerNode;
import org.larco.node.round.RoundListener;

/** A member enters its model in a competition; every other member scores it and the leaderboard ranks it. */
class CompetitionTest {

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void enteredModelIsScoredByEveryOtherMember() throws Exception {
        try (DevNetwork network = new DevNetwork(dir, 3, 1, 2000)) {
            LearnerNode entrant = network.start(0, new RoundListener() { });
            network.start(1, new RoundListener() { });
            network.start(2, new RoundListener() { });

            HttpResponse<String> opened = post(entrant, "/api/admin/experiments",
                    "{\"name\":\"entry-group-1\",\"competition\":true,\"task\":\"single-particle\",\"maxRounds\":1}");
            assertEquals(202, opened.statusCode(), opened.body());

            JsonObject board = awaitLeaderboard(entrant, "single-particle", Duration.ofSeconds(120));
            JsonObject entry = board.getJsonArray("entries").getJsonObject(0);
            assertEquals("group-1", entry.getString("entrant"), board.encode());
            assertEquals(2, entry.getInteger("scores"), board.encode());
            assertTrue(entry.getDouble("medianScore") > 0, board.encode());
        }
    }

    @Test
    void leaderboardRejectsInvalidTask() throws Exception {
        try (DevNetwork network = new DevNetwork(dir, 2, 1, 2000)) {
            LearnerNode node = network.start(0, new RoundListener() { });

            HttpResponse<String> response = get(node, "/api/leaderboard?task=%3Cb%3E");

            assertEquals(400, response.statusCode(), response.body());
            assertTrue(response.body().contains("task"), response.body());
        }
    }

    private JsonObject awaitLeaderboard(LearnerNode node, String task, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = get(node, "/api/leaderboard?task=" + task);
            last = response.body();
            if (response.statusCode() == 200 && !new JsonObject(last).getJsonArray("entries").isEmpty()) {
                return new JsonObject(last);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no leaderboard entry for task " + task + " within " + timeout + "; last response: " + last);
    }

    private HttpResponse<String> post(LearnerNode node, String path, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(node.endpoint() + path))
                .header("Authorization", "Bearer " + DevNetwork.ADMIN_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(LearnerNode node, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(node.endpoint() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
