package org.larco.node.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.larco.node.round.RoundListener;
import org.larco.protocol.tx.Round;
import org.larco.protocol.tx.RoundStatus;
import org.larco.protocol.tx.VoteRecord;

/** Rounds complete when nodes start late, and a proposal no member can fetch is voted down with a reason. */
class NodeRecoveryTest {

    private static final Duration ROUND_TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    @Test
    void nodeStartedMidRoundVotesFromLedgerState() throws Exception {
        try (DevNetwork network = new DevNetwork(dir, 3, 1, 2000)) {
            network.start(0, new RoundListener() { });
            network.start(1, new RoundListener() { });
            network.awaitRound(1, round -> round.getVotesCount() == 1, ROUND_TIMEOUT);

            // Member 2 starts only now, as after a crash, so it reads everything from the ledger.
            network.start(2, new RoundListener() { });
            Round closed = network.awaitRound(1, round -> round.getClosedHeight() > 0, ROUND_TIMEOUT);

            assertEquals(2, closed.getVotesCount(), closed.toString());
            boolean lateMemberVoted = closed.getVotesList().stream()
                    .anyMatch(vote -> hex(vote).equals(network.memberKeyHex(2)));
            assertTrue(lateMemberVoted, closed.toString());
        }
    }

    @Test
    void unfetchableProposalIsVotedDownWithReason() throws Exception {
        try (DevNetwork network = new DevNetwork(dir, 3, 1, 2000)) {
            var proposer = network.start(0, new RoundListener() { });
            network.awaitRound(1, round -> round.getStatus() == RoundStatus.VOTING, ROUND_TIMEOUT);

            // The proposer goes offline before anyone fetched its weights.
            network.stop(proposer);
            network.start(1, new RoundListener() { });
            network.start(2, new RoundListener() { });
            Round closed = network.awaitRound(1, round -> round.getClosedHeight() > 0, ROUND_TIMEOUT);

            assertEquals(RoundStatus.REJECTED, closed.getStatus(), closed.toString());
            assertEquals(2, closed.getVotesCount(), closed.toString());
            for (VoteRecord vote : closed.getVotesList()) {
                assertFalse(vote.getApprove(), closed.toString());
                assertTrue(vote.getReason().contains(network.endpointOf(0)), vote.getReason());
            }
        }
    }

    @Test
    void newcomerJoinsAndVotes() throws Exception {
        try (DevNetwork network = new DevNetwork(dir, 4, 1, 3, 2000)) {
            for (int i = 0; i < 4; i++) {
                network.start(i, new RoundListener() { });
            }

            Round third = network.awaitRound(3, round -> round.getClosedHeight() > 0, ROUND_TIMEOUT.multipliedBy(2));

            boolean admitted = network.members().stream()
                    .anyMatch(m -> java.util.HexFormat.of().formatHex(m.getPubKey().toByteArray()).equals(network.memberKeyHex(3)));
            assertTrue(admitted, network.members().toString());
            boolean newcomerVoted = third.getVotesList().stream().anyMatch(vote -> hex(vote).equals(network.memberKeyHex(3)));
            boolean newcomerProposed = java.util.HexFormat.of().formatHex(third.getProposer().toByteArray()).equals(network.memberKeyHex(3));
            assertTrue(newcomerVoted || newcomerProposed, third.toString());
        }
    }

    private static String hex(VoteRecord vote) {
        return java.util.HexFormat.of().formatHex(vote.getVoter().toByteArray());
    }
}
