package org.larco.abci.ledger;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.larco.protocol.abci.Event;
import org.larco.protocol.tx.Experiment;
import org.larco.protocol.tx.Leaderboard;
import org.larco.protocol.tx.LeaderboardEntry;
import org.larco.protocol.tx.Member;
import org.larco.protocol.tx.Round;
import org.larco.protocol.tx.RoundStatus;
import org.larco.protocol.tx.VoteRecord;

/**
 * Opens and closes rounds: proposer choice, acceptance, head updates, duties, leaderboards.
 *
 * <p>Proposer of round r (1-based) of a refinement experiment: with the active members sorted by
 * join index when the round opens, the member at position (r - 1) mod activeCount; none (an empty
 * key) when no member is active, and such a round closes MISSED at its deadline without charging
 * anyone. A competition experiment has one round, proposed by its creator.
 */
final class Rounds {

    private Rounds() {
    }

    static void open(LedgerState state, Experiment experiment, long number, long height, List<Event> events) {
        ByteString proposer = proposerOf(state, experiment, number);
        Round round = Round.newBuilder()
                .setExperiment(experiment.getId())
                .setRound(number)
                .setProposer(proposer)
                .setOpenedHeight(height)
                .setStatus(RoundStatus.AWAITING_PROPOSAL)
                .build();
        state.putRound(round);
        state.experiments.put(experiment.getId(), experiment.toBuilder().setCurrentRound(number).build());
        events.add(Events.of("round_open",
                "experiment", Long.toString(experiment.getId()),
                "round", Long.toString(number),
                "proposer", Events.hex(proposer)));
    }

    private static ByteString proposerOf(LedgerState state, Experiment experiment, long number) {
        if (experiment.getSpec().getCompetition()) {
            return experiment.getCreator();
        }
        List<Member> active = state.activeMembers();
        if (active.isEmpty()) {
            return ByteString.EMPTY;
        }
        int position = (int) Math.floorMod(number - 1, (long) active.size());
        return active.get(position).getPubKey();
    }

    /** Returns whether approvals * den >= eligible * num, in 64-bit arithmetic (no overflow for uint32 inputs). */
    static boolean meetsThreshold(long approvals, long eligible, long num, long den) {
        return approvals * den >= eligible * num;
    }

    /** Closes a round that got no proposal before its deadline; the proposer misses a duty. */
    static void closeMissed(LedgerState state, Round round, long height, List<Event> events) {
        Round closed = round.toBuilder().setStatus(RoundStatus.MISSED).setClosedHeight(height).build();
        state.putRound(closed);
        if (!round.getProposer().isEmpty()) {
            Duties.missed(state, round.getProposer(), events);
        }
        finish(state, closed, height, events);
    }

    /**
     * Closes a voting round: accepted iff approvals * den >= eligible * num (absent votes count as
     * not approving); eligible members who did not vote miss a duty.
     */
    static void closeVoting(LedgerState state, Round round, long height, List<Event> events) {
        Experiment experiment = state.experiments.get(round.getExperiment());
        long num = Integer.toUnsignedLong(experiment.getSpec().getThresholdNum());
        long den = Integer.toUnsignedLong(experiment.getSpec().getThresholdDen());
        boolean accepted = meetsThreshold(round.getApprovals(), round.getEligibleCount(), num, den);
        Round closed = round.toBuilder()
                .setStatus(accepted ? RoundStatus.ACCEPTED : RoundStatus.REJECTED)
                .setClosedHeight(height)
                .build();
        state.putRound(closed);
        if (accepted) {
            state.experiments.put(experiment.getId(), experiment.toBuilder()
                    .setHead(round.getProposal().getWeightsHash())
                    .setAcceptedRounds(experiment.getAcceptedRounds() + 1)
                    .build());
        }
        chargeAbsentVoters(state, round, events);
        if (experiment.getSpec().getCompetition()) {
            recordLeaderboardEntry(state, experiment, closed);
        }
        finish(state, closed, height, events);
    }

    private static void chargeAbsentVoters(LedgerState state, Round round, List<Event> events) {
        Set<ByteString> voted = new HashSet<>();
        for (VoteRecord vote : round.getVotesList()) {
            voted.add(vote.getVoter());
        }
        // Eligible members are stored in join order, so duties are charged in a fixed order.
        for (ByteString voter : round.getEligibleList()) {
            if (!voted.contains(voter)) {
                Duties.missed(state, voter, events);
            }
        }
    }

    private static void finish(LedgerState state, Round closed, long height, List<Event> events) {
        events.add(Events.of("round_close",
                "experiment", Long.toString(closed.getExperiment()),
                "round", Long.toString(closed.getRound()),
                "proposal", Events.hex(closed.getProposal().getWeightsHash()),
                "status", statusName(closed.getStatus()),
                "approvals", Integer.toString(closed.getApprovals()),
                "eligible", Integer.toString(closed.getEligibleCount())));
        Experiment experiment = state.experiments.get(closed.getExperiment());
        long maxRounds = Integer.toUnsignedLong(experiment.getSpec().getMaxRounds());
        boolean last = experiment.getSpec().getCompetition() || (maxRounds > 0 && closed.getRound() >= maxRounds);
        if (last) {
            state.experiments.put(experiment.getId(), experiment.toBuilder().setFinished(true).build());
            return;
        }
        open(state, experiment, closed.getRound() + 1, height, events);
    }

    static String statusName(RoundStatus status) {
        return switch (status) {
            case AWAITING_PROPOSAL -> "awaiting_proposal";
            case VOTING -> "voting";
            case ACCEPTED -> "accepted";
            case REJECTED -> "rejected";
            case MISSED -> "missed";
            default -> "unspecified";
        };
    }

    /**
     * Records the proposal of a closed competition round on its task's leaderboard: the median of
     * the vote scores (for an even count, the floor of the mean of the two middle scores; 0 with
     * no votes). Entries are sorted by median descending, then experiment id ascending.
     */
    private static void recordLeaderboardEntry(LedgerState state, Experiment experiment, Round closed) {
        String task = experiment.getSpec().getTask();
        List<Long> scores = new ArrayList<>();
        for (VoteRecord vote : closed.getVotesList()) {
            scores.add(vote.getVoteScorePpm());
        }
        LeaderboardEntry entry = LeaderboardEntry.newBuilder()
                .setExperiment(experiment.getId())
                .setEntrant(closed.getProposer())
                .setWeightsHash(closed.getProposal().getWeightsHash())
                .setMedianScorePpm(median(scores))
                .setScores(scores.size())
                .build();
        Leaderboard board = state.leaderboards.getOrDefault(task, Leaderboard.newBuilder().setTask(task).build());
        List<LeaderboardEntry> entries = new ArrayList<>(board.getEntriesList());
        entries.add(entry);
        entries.sort((a, b) -> a.getMedianScorePpm() != b.getMedianScorePpm()
                ? Long.compare(b.getMedianScorePpm(), a.getMedianScorePpm())
                : Long.compare(a.getExperiment(), b.getExperiment()));
        state.leaderboards.put(task, board.toBuilder().clearEntries().addAllEntries(entries).build());
    }

    static long median(List<Long> scores) {
        if (scores.isEmpty()) {
            return 0;
        }
        List<Long> sorted = new ArrayList<>(scores);
        sorted.sort(null);
        int middle = sorted.size() / 2;
        if (sorted.size() % 2 == 1) {
            return sorted.get(middle);
        }
        // Halve each before adding so two large scores cannot overflow; the correction restores
        // the floor of the exact mean.
        long a = sorted.get(middle - 1);
        long b = sorted.get(middle);
        return Math.floorDiv(a, 2) + Math.floorDiv(b, 2) + ((Math.floorMod(a, 2) + Math.floorMod(b, 2)) / 2);
    }
}
