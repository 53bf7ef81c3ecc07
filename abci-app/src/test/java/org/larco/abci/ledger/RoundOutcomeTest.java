package org.larco.abci.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.larco.abci.testing.GenesisBuilder;
import org.larco.abci.testing.Hashes;
import org.larco.abci.testing.LedgerDriver;
import org.larco.abci.testing.TestKeys;
import org.larco.protocol.abci.Event;
import org.larco.protocol.abci.EventAttribute;
import org.larco.protocol.abci.ResponseFinalizeBlock;
import org.larco.protocol.keys.NodeKey;
import org.larco.protocol.tx.Experiment;
import org.larco.protocol.tx.Leaderboard;
import org.larco.protocol.tx.Round;
import org.larco.protocol.tx.RoundStatus;

/** How rounds close: thresholds, absent votes, missed proposals, liveness and competition leaderboards. */
class RoundOutcomeTest {

    @TempDir
    Path home;

    @Test
    void roundRejectedWithoutApprovals() {
        Scenario s = new Scenario(home);
        s.ok(s.proposeRound1());
        s.ok(s.vote(s.bob, false));
        s.ok(s.vote(s.carol, false));

        Round round = s.chain.query("/experiments/1/rounds/1", Round.parser());
        Experiment experiment = s.chain.query("/experiments/1", Experiment.parser());
        assertEquals(RoundStatus.REJECTED, round.getStatus());
        assertEquals(s.initialHead, experiment.getHead());
    }

    @Test
    void absentVoteCountsAsNotApproving() {
        List<NodeKey> keys = TestKeys.keys(3);
        LedgerDriver chain = LedgerDriver.genesis(LedgerDriver.open(home),
                new GenesisBuilder().members(keys).experiment("two-thirds", 2, 3, 5, 5, 10).json());
        ByteString proposal = Hashes.bytes("w");
        chain.deliver(chain.propose(keys.get(0), 1, 1, Hashes.bytes("init:two-thirds"), proposal));
        chain.deliver(chain.vote(keys.get(1), 1, 1, proposal, true, 1));
        chain.emptyBlocks(5);

        Round round = chain.query("/experiments/1/rounds/1", Round.parser());
        assertEquals(RoundStatus.REJECTED, round.getStatus());
        assertEquals(1, round.getApprovals());
        assertEquals(2, round.getEligibleCount());
    }

    @Test
    void roundAcceptedAtThresholdWithAbsentVoter() {
        Scenario s = new Scenario(home);
        s.ok(s.proposeRound1());
        s.ok(s.vote(s.bob, true));
        s.chain.emptyBlocks(Scenario.DEADLINE_BLOCKS);

        Round round = s.chain.query("/experiments/1/rounds/1", Round.parser());
        assertEquals(RoundStatus.ACCEPTED, round.getStatus());
        assertEquals(1, s.member(s.carol).getMissedDuties());
        assertEquals(0, s.member(s.bob).getMissedDuties());
    }

    @Test
    void missedProposalClosesRoundAndChargesProposer() {
        Scenario s = new Scenario(home);
        s.chain.emptyBlocks(Scenario.DEADLINE_BLOCKS + 1);

        Round missed = s.chain.query("/experiments/1/rounds/1", Round.parser());
        Round next = s.chain.query("/experiments/1/rounds/2", Round.parser());
        assertEquals(RoundStatus.MISSED, missed.getStatus());
        assertEquals(Scenario.DEADLINE_BLOCKS + 1, missed.getClosedHeight());
        assertEquals(Scenario.key(s.bob), next.getProposer());
        assertEquals(1, s.member(s.alice).getMissedDuties());
    }

    @Test
    void memberInactiveAfterMaxMissedDuties() {
        Scenario s = new Scenario(home);
        s.makeCarolInactive();

        Round round3 = s.chain.query("/experiments/1/rounds/3", Round.parser());
        assertFalse(s.member(s.carol).getActive());
        assertEquals(Scenario.key(s.alice), round3.getProposer());
    }

    @Test
    void inactiveEventNamesMember() {
        Scenario s = new Scenario(home);
        s.ok(s.proposeRound1());
        s.ok(s.vote(s.bob, true));
        s.chain.emptyBlocks(Scenario.DEADLINE_BLOCKS - 1);
        s.ok(s.chain.propose(s.bob, 1, 2, s.weights1, Hashes.bytes("weights-2")));
        s.ok(s.chain.vote(s.alice, 1, 2, Hashes.bytes("weights-2"), true, 1));
        s.chain.emptyBlocks(Scenario.DEADLINE_BLOCKS - 2);

        ResponseFinalizeBlock closing = s.chain.block();

        assertTrue(hasEvent(closing.getEventsList(), "member", "member", Events.hex(Scenario.key(s.carol))));
        assertTrue(hasEvent(closing.getEventsList(), "member", "status", "inactive"));
    }

    @Test
    void resumeMakesMemberActiveAgain() {
        Scenario s = new Scenario(home);
        s.makeCarolInactive();
        s.ok(s.chain.resume(s.carol));

        assertTrue(s.member(s.carol).getActive());
        assertEquals(0, s.member(s.carol).getMissedDuties());
    }

    @Test
    void votingResetsMissedDuties() {
        Scenario s = new Scenario(home);
        s.chain.emptyBlocks(Scenario.DEADLINE_BLOCKS);
        s.ok(s.chain.propose(s.bob, 1, 2, s.initialHead, s.weights1));
        s.ok(s.chain.vote(s.alice, 1, 2, s.weights1, true, 1));

        assertEquals(0, s.member(s.alice).getMissedDuties());
    }

    @Test
    void loneMemberProposalAcceptedAtOnce() {
        NodeKey alice = TestKeys.key(0);
        LedgerDriver chain = LedgerDriver.genesis(LedgerDriver.open(home),
                new GenesisBuilder().members(List.of(alice)).experiment("solo").json());
        ByteString proposal = Hashes.bytes("solo-1");
        chain.deliver(chain.propose(alice, 1, 1, Hashes.bytes("init:solo"), proposal));

        Round round = chain.query("/experiments/1/rounds/1", Round.parser());
        Experiment experiment = chain.query("/experiments/1", Experiment.parser());
        assertEquals(RoundStatus.ACCEPTED, round.getStatus());
        assertEquals(proposal, experiment.getHead());
        assertEquals(2, experiment.getCurrentRound());
    }

    @Test
    void maxRoundsFinishesExperiment() {
        List<NodeKey> keys = TestKeys.keys(2);
        LedgerDriver chain = LedgerDriver.genesis(LedgerDriver.open(home),
                new GenesisBuilder().members(keys).experiment("short", 1, 2, 2, 2, 2).json());
        chain.emptyBlocks(5);

        Experiment experiment = chain.query("/experiments/1", Experiment.parser());
        assertTrue(experiment.getFinished());
        assertEquals(2, experiment.getCurrentRound());
        assertEquals(2, chain.query("/experiments/1/rounds", org.larco.protocol.tx.RoundList.parser()).getRoundsCount());
    }

    @Test
    void competitionRecordsMedianScore() {
        Scenario s = new Scenario(home);
        s.admitDave();
        s.ok(s.chain.openExperiment(s.bob, Scenario.spec("entry").setCompetition(true).setTask("pid").build()));
        ByteString entry = Hashes.bytes("entry-weights");
        s.ok(s.chain.propose(s.bob, 2, 1, Hashes.bytes("init:entry"), entry));
        s.ok(s.chain.vote(s.alice, 2, 1, entry, true, 100));
        s.ok(s.chain.vote(s.carol, 2, 1, entry, true, 900));
        s.ok(s.chain.vote(s.dave, 2, 1, entry, false, 300));

        Leaderboard board = s.chain.query("/leaderboard/pid", Leaderboard.parser());
        Experiment experiment = s.chain.query("/experiments/2", Experiment.parser());
        assertEquals(1, board.getEntriesCount());
        assertEquals(300, board.getEntries(0).getMedianScorePpm());
        assertEquals(Scenario.key(s.bob), board.getEntries(0).getEntrant());
        assertTrue(experiment.getFinished());
    }

    @Test
    void medianFloorsEvenCountMean() {
        assertEquals(2, Rounds.median(List.of(4L, 1L, 2L, 3L)));
        assertEquals(-2, Rounds.median(List.of(-1L, -2L)));
        assertEquals(Long.MAX_VALUE - 1, Rounds.median(List.of(Long.MAX_VALUE, Long.MAX_VALUE - 1)));
        assertEquals(0, Rounds.median(List.of()));
    }

    @Test
    void joinAdmittedAtThreshold() {
        Scenario s = new Scenario(home);
        s.ok(s.chain.join(s.dave, "http://127.0.0.1:8084"));
        s.ok(s.chain.admit(s.alice, s.dave, true));
        boolean memberAfterOne = s.member(s.dave) != null;
        s.ok(s.chain.admit(s.bob, s.dave, true));

        assertFalse(memberAfterOne, "1 of 3 approvals is below 1/2");
        assertTrue(s.member(s.dave).getActive());
        assertEquals(3, s.member(s.dave).getIndex());
    }

    @Test
    void joinRejectedWhenApprovalImpossible() {
        Scenario s = new Scenario(home);
        s.ok(s.chain.join(s.dave, ""));
        s.ok(s.chain.admit(s.alice, s.dave, false));
        ResponseFinalizeBlock block = s.chain.block(s.chain.admit(s.bob, s.dave, false));

        assertTrue(hasEvent(block.getTxResults(0).getEventsList(), "member", "status", "rejected"));
        assertEquals(0, s.chain.query("/pending", org.larco.protocol.tx.PendingJoinList.parser()).getPendingCount());
    }

    @Test
    void joinRejectedAtAdmissionDeadline() {
        Scenario s = new Scenario(home);
        s.ok(s.chain.join(s.dave, ""));
        s.chain.emptyBlocks(Scenario.DEADLINE_BLOCKS);

        assertEquals(0, s.chain.query("/pending", org.larco.protocol.tx.PendingJoinList.parser()).getPendingCount());
        assertEquals(null, s.member(s.dave));
    }

    @Test
    void rejectedTxConsumesNonce() {
        Scenario s = new Scenario(home);
        s.chain.deliver(s.chain.propose(s.bob, 1, 1, s.initialHead, s.weights1));

        assertEquals(1, s.chain.query("/accounts/" + Events.hex(Scenario.key(s.bob)) + "/nonce",
                org.larco.protocol.tx.Nonce.parser()).getNext());
    }

    private static boolean hasEvent(List<Event> events, String type, String key, String value) {
        for (Event event : events) {
            for (EventAttribute attribute : event.getAttributesList()) {
                if (event.getType().equals(type) && attribute.getKey().equals(key) && attribute.getValue().equals(value)) {
                    return true;
                }
            }
        }
        return false;
    }
}
