package org.larco.tests.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON in the shape of the node's API for {@link PageFixtureServer}: three learners, one of them
 * with a name that is an HTML injection attempt, three rounds, a small model and event set, and
 * one competition task with two entries.
 */
final class PageFixtures {

    /** A member name that runs script if a page inserts it as HTML. */
    static final String HOSTILE_NAME = "<img src=x onerror=\"window.__larcoInjected=true\">";
    static final String HOSTILE_ENDPOINT = "http://127.0.0.1:9/<script>window.__larcoInjected=true</script>";
    static final List<String> LEARNERS = List.of("alice", "bob", HOSTILE_NAME);
    static final List<String> CLASSES = List.of("electron", "muon", "photon");
    static final int ROUNDS = 3;
    static final int PLANE_SIZE = 32;
    static final String COMPETITION_TASK = "lartpc-3class";
    /** Entrants of the competition task, best first: the hostile name ranks second. */
    static final List<String> ENTRANTS = List.of("bob", HOSTILE_NAME);
    static final List<Integer> ENTRY_EXPERIMENTS = List.of(3, 2);
    static final List<Double> ENTRY_MEDIANS = List.of(0.61249, 0.5304);

    private PageFixtures() {
    }

    static Map<String, JsonObject> routes() {
        return Map.of(
                "/api/status", status(),
                "/api/rounds", rounds(),
                "/api/scores", scores(),
                "/api/model", model(),
                "/api/events", events(),
                "/api/leaderboard", leaderboard(ENTRANTS, ENTRY_EXPERIMENTS, ENTRY_MEDIANS));
    }

    /** Returns the same routes with only the shared experiment, so no competition exists. */
    static Map<String, JsonObject> routesWithoutCompetition() {
        Map<String, JsonObject> routes = new HashMap<>(routes());
        JsonObject status = status();
        JsonArray shared = new JsonArray();
        for (Object experiment : status.getJsonArray("experiments")) {
            if (!((JsonObject) experiment).getBoolean("competition")) {
                shared.add(experiment);
            }
        }
        routes.put("/api/status", status.put("experiments", shared));
        routes.remove("/api/leaderboard");
        return routes;
    }

    /** Returns the same routes with `task` as the task of every competition experiment. */
    static Map<String, JsonObject> routesWithCompetitionTask(String task) {
        Map<String, JsonObject> routes = new HashMap<>(routes());
        JsonObject status = status();
        for (Object experiment : status.getJsonArray("experiments")) {
            JsonObject entry = (JsonObject) experiment;
            if (entry.getBoolean("competition")) {
                entry.put("task", task);
            }
        }
        routes.put("/api/status", status);
        return routes;
    }

    static JsonObject status() {
        JsonArray members = new JsonArray();
        for (int i = 0; i < LEARNERS.size(); i++) {
            members.add(new JsonObject()
                    .put("name", LEARNERS.get(i))
                    .put("pubKey", "0" + i + "ab".repeat(31))
                    .put("endpoint", i == 2 ? HOSTILE_ENDPOINT : "http://127.0.0.1:808" + i)
                    .put("active", i != 2)
                    .put("missedDuties", i == 2 ? 3 : 0)
                    .put("lastSeenHeight", 10 + i)
                    .put("index", i));
        }
        JsonObject experiment = new JsonObject()
                .put("id", 1).put("name", "fixture <b>run</b>").put("head", "ef".repeat(32))
                .put("currentRound", ROUNDS + 1).put("acceptedRounds", 2).put("finished", false)
                .put("thresholdNum", 1).put("thresholdDen", 2).put("maxRounds", 10)
                .put("competition", false).put("task", "");
        JsonArray experiments = new JsonArray().add(experiment);
        for (int i = 0; i < ENTRANTS.size(); i++) {
            int id = ENTRY_EXPERIMENTS.get(i);
            experiments.add(new JsonObject()
                    .put("id", id).put("name", "entry of " + ENTRANTS.get(i)).put("head", String.format("%02x", id).repeat(32))
                    .put("currentRound", 1).put("acceptedRounds", 0).put("finished", true)
                    .put("thresholdNum", 1).put("thresholdDen", 2).put("maxRounds", 1)
                    .put("competition", true).put("task", COMPETITION_TASK));
        }
        return new JsonObject()
                .put("node", new JsonObject().put("name", "alice").put("pubKey", "cd".repeat(32)))
                .put("chainId", "larco-fixture")
                .put("mode", "embedded")
                .put("height", 0)
                .put("appHash", "12".repeat(32))
                .put("validators", new JsonArray().add(new JsonObject().put("address", "34".repeat(20)).put("power", 10)))
                .put("members", members)
                .put("experiments", experiments);
    }

    /** Builds a leaderboard of {@link #COMPETITION_TASK}. Entry i has 2 + i scores and {@link #weightsHash}(i) as its weights. */
    static JsonObject leaderboard(List<String> entrants, List<Integer> experiments, List<Double> medians) {
        JsonArray entries = new JsonArray();
        for (int i = 0; i < entrants.size(); i++) {
            entries.add(new JsonObject()
                    .put("experiment", experiments.get(i)).put("entrant", entrants.get(i))
                    .put("weightsHash", weightsHash(i)).put("medianScore", medians.get(i)).put("scores", 2 + i));
        }
        return new JsonObject().put("task", COMPETITION_TASK).put("entries", entries);
    }

    static String weightsHash(int entry) {
        return String.format("%02x", 0xa0 + entry).repeat(32);
    }

    /** Round r is proposed by learner (r - 1) mod 3; round 2 is rejected and has one absent voter. */
    static JsonObject rounds() {
        JsonArray rounds = new JsonArray();
        for (int round = 1; round <= ROUNDS; round++) {
            String proposer = LEARNERS.get((round - 1) % LEARNERS.size());
            boolean rejected = round == 2;
            JsonArray votes = new JsonArray();
            for (String voter : LEARNERS) {
                if (voter.equals(proposer) || (rejected && voter.equals("alice"))) {
                    continue;
                }
                votes.add(new JsonObject().put("voter", voter).put("approve", !rejected)
                        .put("voteScore", 0.5 + 0.01 * round).put("reason", "<i>score</i> changed").put("height", 10 * round + 3));
            }
            rounds.add(new JsonObject()
                    .put("round", round).put("proposer", proposer)
                    .put("status", rejected ? "REJECTED" : "ACCEPTED")
                    .put("proposal", String.format("%02x", round).repeat(32))
                    .put("openedHeight", 10 * round).put("proposedHeight", 10 * round + 1).put("closedHeight", 10 * round + 5)
                    .put("approvals", rejected ? 0 : 2).put("eligible", 2).put("votes", votes));
        }
        return new JsonObject().put("experiment", 1).put("learners", new JsonArray(LEARNERS)).put("rounds", rounds);
    }

    static JsonObject scores() {
        JsonArray points = new JsonArray();
        JsonArray accuracy = new JsonArray();
        for (int round = 1; round <= ROUNDS; round++) {
            for (int i = 0; i < LEARNERS.size(); i++) {
                points.add(new JsonObject().put("round", round).put("learner", LEARNERS.get(i))
                        .put("voteScore", 0.4 + 0.05 * round + 0.02 * i)
                        .put("testScore", i == 0 ? 0.38 + 0.05 * round : null));
            }
            accuracy.add(new JsonObject().put("round", round).put("accuracy", 0.4 + 0.06 * round));
        }
        return new JsonObject().put("experiment", 1).put("points", points).put("sharedAccuracy", accuracy);
    }

    static JsonObject model() {
        JsonArray confusion = new JsonArray()
                .add(new JsonArray(List.of(40, 5, 5)))
                .add(new JsonArray(List.of(2, 45, 3)))
                .add(new JsonArray(List.of(10, 4, 36)));
        JsonArray roc = new JsonArray();
        for (int c = 0; c < CLASSES.size(); c++) {
            JsonArray points = new JsonArray()
                    .add(new JsonArray(List.of(0.0, 0.0)))
                    .add(new JsonArray(List.of(0.05 * (c + 1), 0.6)))
                    .add(new JsonArray(List.of(0.2, 0.85)))
                    .add(new JsonArray(List.of(0.2, 0.9)))
                    .add(new JsonArray(List.of(1.0, 1.0)));
            roc.add(new JsonObject().put("class", CLASSES.get(c)).put("auc", 0.9 - 0.03 * c).put("points", points));
        }
        return new JsonObject()
                .put("round", ROUNDS).put("classes", new JsonArray(CLASSES)).put("testEvents", 150).put("accuracy", 0.807)
                .put("confusion", confusion)
                .put("efficiency", new JsonArray(List.of(0.8, 0.9, 0.72)))
                .put("purity", new JsonArray(List.of(0.769, 0.833, 0.818)))
                .put("roc", roc);
    }

    /** Two events with a straight track: bipolar pulses on the induction planes, a peak on collection. */
    static JsonObject events() {
        JsonArray events = new JsonArray();
        for (int e = 0; e < 2; e++) {
            JsonArray planes = new JsonArray();
            for (int plane = 0; plane < 3; plane++) {
                JsonArray pixels = new JsonArray();
                for (int wire = 0; wire < PLANE_SIZE; wire++) {
                    double centre = 4 + wire * 0.7 + e * 3;
                    for (int tick = 0; tick < PLANE_SIZE; tick++) {
                        double d = tick - centre;
                        double pulse = Math.exp(-d * d / 3.0);
                        pixels.add(plane < 2 ? -d * pulse * 5 : pulse * 20);
                    }
                }
                planes.add(pixels);
            }
            events.add(new JsonObject()
                    .put("index", e).put("trueClass", CLASSES.get(e)).put("predictedClass", CLASSES.get(0))
                    .put("probabilities", new JsonArray(List.of(0.7, 0.2, 0.1))).put("energyMev", 250 + 100 * e)
                    .put("planes", 3).put("height", PLANE_SIZE).put("width", PLANE_SIZE).put("pixels", planes));
        }
        return new JsonObject().put("classes", new JsonArray(CLASSES)).put("events", events);
    }
}
