package org.larco.node.simulate;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.larco.node.eval.ClassifierEvaluation;
import org.larco.node.report.RoundRecord;

/**
 * The outcome of a simulation.
 *
 * @param rounds one record per closed round
 * @param comparison evaluations on the common test set: "shared", "alone:NAME" per learner, "pooled"
 * @param headHex the experiment's final head
 * @param adoptedHeads each learner's adopted head at the end, in learner order
 * @param wallTime time from start to the end of the comparison
 * @param timings each round's wall-clock split into training, scoring and overhead
 */
public record SimulationResult(
        List<RoundRecord> rounds,
        Map<String, ClassifierEvaluation> comparison,
        String headHex,
        List<String> adoptedHeads,
        Duration wallTime,
        List<RoundTiming> timings) {

    /** Overhead summed over rounds, as a fraction of the summed round time. */
    public double overheadFraction() {
        double total = timings.stream().mapToDouble(RoundTiming::roundMillis).sum();
        double overhead = timings.stream().mapToDouble(RoundTiming::overheadMillis).sum();
        return total > 0 ? overhead / total : 0;
    }

    /** Time spent on neither training nor any voter's scoring, as a fraction of the summed round time. */
    public double overheadBeyondAllScoringFraction() {
        double total = timings.stream().mapToDouble(RoundTiming::roundMillis).sum();
        double overhead = timings.stream().mapToDouble(RoundTiming::overheadBeyondAllScoringMillis).sum();
        return total > 0 ? overhead / total : 0;
    }

    public long acceptedRounds() {
        return rounds.stream().filter(r -> r.status().equals("ACCEPTED")).count();
    }
}
