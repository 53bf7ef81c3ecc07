package org.larco.node.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of one simulation round, as the report and the progress table show it.
 * Maps keep the order they were given (learner order) and are unmodifiable copies.
 *
 * @param round round number as in the ledger
 * @param proposer name of the round's proposer
 * @param status round outcome: ACCEPTED, REJECTED or MISSED
 * @param votes each learner's vote: APPROVE, REJECT, ABSENT or PROPOSER
 * @param voteScores vote score per learner that scored the proposal; others are missing
 * @param testScores test score per learner that scored the proposal; others are missing
 * @param sharedTestAccuracy accuracy of the shared model after the round on the common test set
 */
public record RoundRecord(long round, String proposer, String status, Map<String, String> votes,
        Map<String, Double> voteScores, Map<String, Double> testScores, double sharedTestAccuracy) {

    public RoundRecord {
        votes = Collections.unmodifiableMap(new LinkedHashMap<>(votes));
        voteScores = Collections.unmodifiableMap(new LinkedHashMap<>(voteScores));
        testScores = Collections.unmodifiableMap(new LinkedHashMap<>(testScores));
    }
}
