package org.larco.node.simulate;

/**
 * Wall-clock split of one round, for the round-overhead benchmark.
 *
 * @param round the round number
 * @param roundMillis from the block that opened the round to the block that closed it
 * @param proposerWorkMillis the proposer's training plus the scoring of its own proposal
 * @param slowestEvaluationMillis the slowest voter's scoring of the proposal
 * @param totalEvaluationMillis all voters' scoring added up: in one JVM the voters share the CPU,
 *     and their scoring runs largely one after another, so this is their share of a simulated round
 */
public record RoundTiming(long round, double roundMillis, double proposerWorkMillis, double slowestEvaluationMillis,
        double totalEvaluationMillis) {

    /** Time not spent training or scoring: chain latency, blob transfer, queries, scheduling. */
    public double overheadMillis() {
        return roundMillis - proposerWorkMillis - slowestEvaluationMillis;
    }

    public double overheadFraction() {
        return roundMillis > 0 ? overheadMillis() / roundMillis : 0;
    }

    /** Time spent on neither training nor any voter's scoring. */
    public double overheadBeyondAllScoringMillis() {
        return roundMillis - proposerWorkMillis - totalEvaluationMillis;
    }
}
