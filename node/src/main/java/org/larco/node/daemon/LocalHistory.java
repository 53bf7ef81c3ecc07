package org.larco.node.daemon;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.larco.node.learner.TestResult;
import org.larco.node.round.RoundListener;

/**
 * Record of this node's own vote and test scores per round; only the vote scores go on the
 * ledger. Thread-safe.
 */
public final class LocalHistory implements RoundListener {

    /** A score this learner computed in one round. */
    public record LocalScore(long experiment, long round, double voteScore, double testScore, boolean approve, boolean proposer) {
    }

    private final List<LocalScore> scores = new CopyOnWriteArrayList<>();
    private final List<RoundListener> forwards = new CopyOnWriteArrayList<>();

    /** Adds a listener that receives every callback after this history recorded it. */
    public void forwardTo(RoundListener listener) {
        forwards.add(listener);
    }

    @Override
    public void proposed(long experiment, long round, String weightsHashHex, TestResult ownResult, long workNanos) {
        scores.add(new LocalScore(experiment, round, ownResult.voteScore(), ownResult.testScore(), true, true));
        forwards.forEach(l -> l.proposed(experiment, round, weightsHashHex, ownResult, workNanos));
    }

    @Override
    public void voted(long experiment, long round, boolean approve, TestResult result, String reason, long evaluationNanos) {
        if (result != null) {
            scores.add(new LocalScore(experiment, round, result.voteScore(), result.testScore(), approve, false));
        }
        forwards.forEach(l -> l.voted(experiment, round, approve, result, reason, evaluationNanos));
    }

    @Override
    public void adopted(long experiment, long round, String headHex) {
        forwards.forEach(l -> l.adopted(experiment, round, headHex));
    }

    public List<LocalScore> scores() {
        return new ArrayList<>(scores);
    }
}
