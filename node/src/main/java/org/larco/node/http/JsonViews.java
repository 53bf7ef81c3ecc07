package org.larco.node.http;

import com.google.protobuf.ByteString;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.larco.node.chain.ChainStatus;
import org.larco.protocol.tx.Experiment;
import org.larco.protocol.tx.Leaderboard;
import org.larco.protocol.tx.LeaderboardEntry;
import org.larco.protocol.tx.Member;
import org.larco.protocol.tx.MemberList;
import org.larco.protocol.tx.Round;
import org.larco.protocol.tx.VoteRecord;

/** Converts ledger messages into the JSON the status page reads: camelCase keys, bytes as lowercase hex. */
final class JsonViews {

    private static final HexFormat HEX = HexFormat.of();
    private static final double PPM = 1_000_000.0;

    private JsonViews() {
    }

    static String hex(ByteString bytes) {
        return HEX.formatHex(bytes.toByteArray());
    }

    static JsonObject member(Member member) {
        return new JsonObject()
                .put("name", member.getName())
                .put("pubKey", hex(member.getPubKey()))
                .put("endpoint", member.getEndpoint())
                .put("active", member.getActive())
                .put("missedDuties", member.getMissedDuties())
                .put("joinedHeight", member.getJoinedHeight())
                .put("lastSeenHeight", member.getLastSeenHeight())
                .put("index", member.getIndex());
    }

    static JsonObject experiment(Experiment experiment) {
        return new JsonObject()
                .put("id", experiment.getId())
                .put("name", experiment.getSpec().getName())
                .put("head", hex(experiment.getHead()))
                .put("modelSpecHash", hex(experiment.getSpec().getModelSpecHash()))
                .put("currentRound", experiment.getCurrentRound())
                .put("acceptedRounds", experiment.getAcceptedRounds())
                .put("finished", experiment.getFinished())
                .put("thresholdNum", experiment.getSpec().getThresholdNum())
                .put("thresholdDen", experiment.getSpec().getThresholdDen())
                .put("maxRounds", experiment.getSpec().getMaxRounds())
                .put("competition", experiment.getSpec().getCompetition())
                .put("task", experiment.getSpec().getTask());
    }

    static JsonObject status(ChainStatus chain, String nodeName, String nodePubKey, JsonArray members, JsonArray experiments) {
        JsonArray validators = new JsonArray();
        chain.validators().forEach(v -> validators.add(new JsonObject().put("address", v.address()).put("power", v.power())));
        return new JsonObject()
                .put("node", new JsonObject().put("name", nodeName).put("pubKey", nodePubKey))
                .put("chainId", chain.chainId())
                .put("mode", chain.mode())
                .put("height", chain.latestHeight())
                .put("appHash", chain.appHashHex())
                .put("validators", validators)
                .put("members", members)
                .put("experiments", experiments);
    }

    /** Maps hex public keys to member names, so rounds show names instead of keys. */
    static Map<String, String> namesByKey(MemberList members) {
        Map<String, String> names = new HashMap<>();
        for (Member member : members.getMembersList()) {
            names.put(hex(member.getPubKey()), member.getName());
        }
        return names;
    }

    static JsonObject round(Round round, Map<String, String> names) {
        JsonArray votes = new JsonArray();
        for (VoteRecord vote : round.getVotesList()) {
            votes.add(new JsonObject()
                    .put("voter", nameOf(vote.getVoter(), names))
                    .put("approve", vote.getApprove())
                    .put("voteScore", vote.getVoteScorePpm() / PPM)
                    .put("reason", vote.getReason())
                    .put("height", vote.getHeight()));
        }
        JsonArray eligible = new JsonArray();
        round.getEligibleList().forEach(key -> eligible.add(nameOf(key, names)));
        return new JsonObject()
                .put("round", round.getRound())
                .put("proposer", nameOf(round.getProposer(), names))
                .put("status", round.getStatus().name())
                .put("proposal", round.hasProposal() ? hex(round.getProposal().getWeightsHash()) : null)
                .put("claimedScore", round.hasProposal() ? round.getProposal().getClaimedScorePpm() / PPM : null)
                .put("openedHeight", round.getOpenedHeight())
                .put("proposedHeight", round.getProposedHeight())
                .put("closedHeight", round.getClosedHeight())
                .put("approvals", round.getApprovals())
                .put("eligible", round.getEligibleCount())
                .put("eligibleMembers", eligible)
                .put("votes", votes);
    }

    static JsonObject leaderboard(Leaderboard board, Map<String, String> names) {
        JsonArray entries = new JsonArray();
        for (LeaderboardEntry entry : board.getEntriesList()) {
            entries.add(new JsonObject()
                    .put("experiment", entry.getExperiment())
                    .put("entrant", nameOf(entry.getEntrant(), names))
                    .put("weightsHash", hex(entry.getWeightsHash()))
                    .put("medianScore", entry.getMedianScorePpm() / PPM)
                    .put("scores", entry.getScores()));
        }
        return new JsonObject().put("task", board.getTask()).put("entries", entries);
    }

    private static String nameOf(ByteString key, Map<String, String> names) {
        String hex = hex(key);
        return names.getOrDefault(hex, hex);
    }
}
