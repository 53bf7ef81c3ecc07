package org.larco.abci.ledger;

import com.google.protobuf.ByteString;
import java.util.List;
import org.larco.abci.ResultCodes;
import org.larco.protocol.abci.Event;
import org.larco.protocol.tx.Experiment;
import org.larco.protocol.tx.Member;
import org.larco.protocol.tx.Propose;
import org.larco.protocol.tx.Round;
import org.larco.protocol.tx.RoundStatus;
import org.larco.protocol.tx.Vote;
import org.larco.protocol.tx.VoteRecord;

/**
 * Propose and Vote, and the proposal and vote deadlines.
 *
 * <p>A round opened at height o accepts a Propose in blocks o .. o + proposal_deadline_blocks - 1;
 * a proposal recorded at height p accepts votes in blocks p .. p + vote_deadline_blocks - 1.
 * Deadlines are processed at the start of FinalizeBlock, before the block's txs.
 */
final class RoundRules {

    static final int MAX_REASON_CHARS = 256;

    private RoundRules() {
    }

    static void propose(LedgerState state, ByteString signer, Propose propose, long height, List<Event> events)
            throws TxRejectedException {
        MembershipRules.requireMember(state, signer, "propose");
        Experiment experiment = ExperimentRules.requireExperiment(state, propose.getExperiment(), "propose");
        String where = "propose for experiment " + experiment.getId() + " round " + propose.getRound();
        Round round = requireOpenRoundForProposal(state, experiment, propose, where);
        if (!round.getProposer().equals(signer)) {
            throw new TxRejectedException(ResultCodes.WRONG_PROPOSER, where + " rejected: the proposer is "
                    + Events.hex(round.getProposer()) + ", not " + Events.hex(signer));
        }
        if (!propose.getParent().equals(experiment.getHead())) {
            throw new TxRejectedException(ResultCodes.WRONG_PARENT, where + " rejected: parent "
                    + Events.hex(propose.getParent()) + " is not the head " + Events.hex(experiment.getHead()));
        }
        ExperimentRules.checkHash("weights_hash", propose.getWeightsHash());

        Round voting = round.toBuilder()
                .setStatus(RoundStatus.VOTING)
                .setProposal(propose)
                .setProposedHeight(height)
                .addAllEligible(eligibleVoters(state, signer))
                .build();
        state.putRound(voting);
        Duties.done(state, signer, height);
        events.add(Events.of("propose",
                "experiment", Long.toString(experiment.getId()),
                "round", Long.toString(round.getRound()),
                "proposal", Events.hex(propose.getWeightsHash()),
                "proposer", Events.hex(signer)));
        if (voting.getEligibleCount() == 0) {
            // A lone active member has no eligible voter. Then 0 * den >= 0 * num, so the round is accepted at once.
            Rounds.closeVoting(state, voting, height, events);
        }
    }

    private static Round requireOpenRoundForProposal(LedgerState state, Experiment experiment, Propose propose, String where)
            throws TxRejectedException {
        if (experiment.getFinished()) {
            throw new TxRejectedException(ResultCodes.EXPERIMENT_FINISHED, where + " rejected: the experiment finished after round "
                    + experiment.getCurrentRound());
        }
        Round named = state.round(experiment.getId(), propose.getRound());
        if (named != null && named.getStatus() == RoundStatus.MISSED) {
            throw new TxRejectedException(ResultCodes.LATE_PROPOSAL, where + " rejected: the round closed missed at height "
                    + named.getClosedHeight() + "; the open round is " + experiment.getCurrentRound());
        }
        if (propose.getRound() != experiment.getCurrentRound()) {
            throw new TxRejectedException(ResultCodes.WRONG_ROUND, where + " rejected: the open round is "
                    + experiment.getCurrentRound());
        }
        if (named.getStatus() != RoundStatus.AWAITING_PROPOSAL) {
            throw new TxRejectedException(ResultCodes.ALREADY_PROPOSED, where + " rejected: the round already has proposal "
                    + Events.hex(named.getProposal().getWeightsHash()));
        }
        return named;
    }

    /** Returns the active members other than the proposer, in join order. */
    private static List<ByteString> eligibleVoters(LedgerState state, ByteString proposer) {
        return state.activeMembers().stream()
                .map(Member::getPubKey)
                .filter(key -> !key.equals(proposer))
                .toList();
    }

    static void vote(LedgerState state, ByteString signer, Vote vote, long height, List<Event> events)
            throws TxRejectedException {
        MembershipRules.requireMember(state, signer, "vote");
        Experiment experiment = ExperimentRules.requireExperiment(state, vote.getExperiment(), "vote");
        String where = "vote from " + Events.hex(signer) + " for experiment " + experiment.getId() + " round " + vote.getRound();
        Round round = state.round(experiment.getId(), vote.getRound());
        if (round == null) {
            throw new TxRejectedException(ResultCodes.WRONG_ROUND, where + " rejected: no such round; the open round is "
                    + experiment.getCurrentRound());
        }
        checkVoter(round, signer, where);
        checkRoundOpen(experiment, round, where);
        if (!vote.getProposal().equals(round.getProposal().getWeightsHash())) {
            throw new TxRejectedException(ResultCodes.WRONG_PROPOSAL, where + " rejected: proposal "
                    + Events.hex(vote.getProposal()) + " is not the round's proposal "
                    + Events.hex(round.getProposal().getWeightsHash()));
        }
        MembershipRules.checkText("vote reason", vote.getReason(), 0, MAX_REASON_CHARS);

        Round voted = round.toBuilder()
                .addVotes(VoteRecord.newBuilder()
                        .setVoter(signer)
                        .setApprove(vote.getApprove())
                        .setVoteScorePpm(vote.getVoteScorePpm())
                        .setReason(vote.getReason())
                        .setHeight(height))
                .setApprovals(round.getApprovals() + (vote.getApprove() ? 1 : 0))
                .build();
        state.putRound(voted);
        Duties.done(state, signer, height);
        events.add(Events.of("vote",
                "experiment", Long.toString(experiment.getId()),
                "round", Long.toString(round.getRound()),
                "proposal", Events.hex(vote.getProposal()),
                "voter", Events.hex(signer),
                "approve", Boolean.toString(vote.getApprove())));
        if (voted.getVotesCount() == voted.getEligibleCount()) {
            Rounds.closeVoting(state, voted, height, events);
        }
    }

    private static void checkVoter(Round round, ByteString signer, String where) throws TxRejectedException {
        if (round.getStatus() == RoundStatus.AWAITING_PROPOSAL
                || (round.getStatus() == RoundStatus.MISSED)) {
            throw new TxRejectedException(ResultCodes.NO_PROPOSAL, where + " rejected: the round has no proposal ("
                    + Rounds.statusName(round.getStatus()) + ")");
        }
        if (round.getProposer().equals(signer)) {
            throw new TxRejectedException(ResultCodes.SELF_VOTE, where + " rejected: the proposer cannot vote on its own proposal");
        }
        if (!round.getEligibleList().contains(signer)) {
            throw new TxRejectedException(ResultCodes.NOT_ELIGIBLE, where
                    + " rejected: not among the round's eligible voters (active members when the proposal was recorded at height "
                    + round.getProposedHeight() + ")");
        }
        for (VoteRecord record : round.getVotesList()) {
            if (record.getVoter().equals(signer)) {
                throw new TxRejectedException(ResultCodes.DOUBLE_VOTE, where + " rejected: already voted at height " + record.getHeight());
            }
        }
    }

    /**
     * Rejects a vote for a closed round. A round only closes before all its eligible members voted
     * when the vote deadline passes, so a vote that reaches this check is late.
     */
    private static void checkRoundOpen(Experiment experiment, Round round, String where) throws TxRejectedException {
        if (round.getStatus() == RoundStatus.VOTING) {
            return;
        }
        long deadline = round.getProposedHeight() + experiment.getSpec().getVoteDeadlineBlocks();
        throw new TxRejectedException(ResultCodes.LATE_VOTE, where + " rejected: the vote deadline was height " + deadline
                + "; the round closed " + Rounds.statusName(round.getStatus()) + " at height " + round.getClosedHeight());
    }

    /** Closes, at the start of block {@code height}, every round whose proposal or vote deadline has passed. */
    static void processDeadlines(LedgerState state, long height, List<Event> events) {
        for (Experiment experiment : List.copyOf(state.experiments.values())) {
            if (experiment.getFinished()) {
                continue;
            }
            Round round = state.round(experiment.getId(), experiment.getCurrentRound());
            long proposalDeadline = round.getOpenedHeight() + experiment.getSpec().getProposalDeadlineBlocks();
            long voteDeadline = round.getProposedHeight() + experiment.getSpec().getVoteDeadlineBlocks();
            if (round.getStatus() == RoundStatus.AWAITING_PROPOSAL && height >= proposalDeadline) {
                Rounds.closeMissed(state, round, height, events);
            } else if (round.getStatus() == RoundStatus.VOTING && height >= voteDeadline) {
                Rounds.closeVoting(state, round, height, events);
            }
        }
    }
}
