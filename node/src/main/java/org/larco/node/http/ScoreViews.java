package org.larco.node.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.larco.node.daemon.LocalHistory;
import org.larco.node.daemon.LocalHistory.LocalScore;
import org.larco.protocol.tx.MemberList;
import org.larco.protocol.tx.Round;
import org.larco.protocol.tx.RoundList;
import org.larco.protocol.tx.RoundStatus;
import org.larco.protocol.tx.VoteRecord;

/**
 * Builds the scores view. Vote scores of every voter come from the ledger. Test scores are known
 * only for this node's own learner, because test sets and their scores never leave a node. The
 * shared model's accuracy after an accepted round is this node's test score of that proposal.
 */
final class ScoreViews {

    private static final double PPM = 1_000_000.0;

    private ScoreViews() {
    }

    static JsonObject scores(long experiment, String localName, MemberList members, RoundList rounds, LocalHistory history) {
        Map<String, String> names = JsonViews.namesByKey(members);
        JsonArray points = new JsonArray();
        for (Round round : rounds.getRoundsList()) {
            if (round.hasProposal()) {
                String proposer = names.getOrDefault(JsonViews.hex(round.getProposer()), JsonViews.hex(round.getProposer()));
                points.add(point(round.getRound(), proposer, round.getProposal().getClaimedScorePpm() / PPM,
                        localTestScore(history, experiment, round.getRound(), proposer, localName)));
            }
            for (VoteRecord vote : round.getVotesList()) {
                String voter = names.getOrDefault(JsonViews.hex(vote.getVoter()), JsonViews.hex(vote.getVoter()));
                points.add(point(round.getRound(), voter, vote.getVoteScorePpm() / PPM,
                        localTestScore(history, experiment, round.getRound(), voter, localName)));
            }
        }
        JsonArray shared = new JsonArray();
        for (Round round : rounds.getRoundsList()) {
            Double accuracy = localTestScore(history, experiment, round.getRound(), localName, localName);
            if (round.getStatus() == RoundStatus.ACCEPTED && accuracy != null) {
                shared.add(new JsonObject().put("round", round.getRound()).put("accuracy", accuracy));
            }
        }
        return new JsonObject().put("experiment", experiment).put("points", points).put("sharedAccuracy", shared);
    }

    private static JsonObject point(long round, String learner, double voteScore, Double testScore) {
        return new JsonObject()
                .put("round", round)
                .put("learner", learner)
                .put("voteScore", voteScore)
                .put("testScore", testScore);
    }

    private static Double localTestScore(LocalHistory history, long experiment, long round, String learner, String localName) {
        if (!learner.equals(localName)) {
            return null;
        }
        for (LocalScore score : history.scores()) {
            if (score.experiment() == experiment && score.round() == round) {
                return score.testScore();
            }
        }
        return null;
    }
}
