package org.larco.tests.testnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.larco.protocol.tx.Member;
import org.larco.protocol.tx.Round;
import org.larco.protocol.tx.RoundStatus;
import org.larco.protocol.tx.VoteRecord;

/**
 * The whole system on a real network: deploy/testnet starts 4 CometBFT validators, 4 ledgers and
 * 4 learner nodes with a tiny data set. The nodes train, propose and vote on their own. The
 * nested {@link Join} tests then add a fifth stakeholder with deploy/join.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TestnetEndToEndTest {

    private static final int STAKEHOLDERS = 4;
    private static final long EXPERIMENT = 1;
    private static final Duration ROUND_LIMIT = Duration.ofMinutes(3);
    private static final Duration SYNC_LIMIT = Duration.ofSeconds(60);

    private LocalTestnet testnet;
    private LedgerClient alice;

    @BeforeAll
    void startTestnet() {
        Assumptions.assumeTrue(LarcoLauncher.nodeCliPresent(), "the larco CLI is not on the test classpath");
        testnet = LocalTestnet.up(STAKEHOLDERS, 1, "--validators", "4", "--learners", "4",
                "--events", "200", "--timeout-commit", "300ms", "--rounds", "20", "--deadline-blocks", "150");
        alice = new LedgerClient(testnet.validators().get(0).rpc());
    }

    @AfterAll
    void stopTestnet() {
        if (testnet != null) {
            testnet.close();
        }
    }

    @Test
    @Order(1)
    void roundIsAccepted() {
        Waits.until(ROUND_LIMIT, "a round of experiment " + EXPERIMENT + " to be accepted",
                () -> alice.experiment(EXPERIMENT).getAcceptedRounds() >= 1);

        assertTrue(alice.experiment(EXPERIMENT).getAcceptedRounds() >= 1);
    }

    @Test
    @Order(2)
    void validatorsAgreeOnAppHashAtSameHeight() {
        long height = alice.rpc().latestHeight();
        for (Stakeholder validator : testnet.validators()) {
            Waits.until(SYNC_LIMIT, validator.name() + " to reach height " + height,
                    () -> validator.rpc().latestHeight() >= height);
        }

        String appHash = alice.rpc().appHashAt(height);
        for (Stakeholder validator : testnet.validators()) {
            assertEquals(appHash, validator.rpc().appHashAt(height), validator.name() + "'s app hash at height " + height);
        }
    }

    @Test
    @Order(3)
    void nodesReportSameAppHashAndHeadAtSameHeight() {
        List<JsonNode> statuses = new ArrayList<>();
        Waits.until(SYNC_LIMIT, "every learner node to report the same height", () -> {
            statuses.clear();
            for (Stakeholder stakeholder : testnet.stakeholders()) {
                statuses.add(NodeApi.get(stakeholder.nodeUrl(), "/api/status"));
            }
            return statuses.stream().map(status -> status.path("height").asLong()).distinct().count() == 1;
        });

        JsonNode first = statuses.get(0);
        for (JsonNode status : statuses) {
            String node = status.path("node").path("name").asText();
            assertEquals(first.path("appHash").asText(), status.path("appHash").asText(), node + "'s app hash");
            assertEquals(head(first), head(status), node + "'s head of experiment " + EXPERIMENT);
        }
    }

    private static String head(JsonNode status) {
        for (JsonNode experiment : status.path("experiments")) {
            if (experiment.path("id").asLong() == EXPERIMENT) {
                return experiment.path("head").asText();
            }
        }
        throw new AssertionError("node status lists no experiment " + EXPERIMENT + ": " + status);
    }

    /** A new stakeholder joins the running testnet with deploy/join. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class Join {

        private Stakeholder newcomer;
        private ByteString newcomerKey;

        @BeforeAll
        void joinNewcomer() {
            Stakeholder first = testnet.stakeholders().get(0);
            String peer = first.rpc().nodeId() + "@127.0.0.1:" + first.p2pPort();
            newcomer = testnet.join("erin", testnet.spareBasePort(0), "--peer", peer,
                    "--genesis-from", first.rpc().url(), "--events", "200", "--timeout-commit", "300ms");
            newcomerKey = ByteString.copyFrom(newcomer.key().publicKey());
        }

        @Test
        @Order(1)
        void newcomerIsAdmitted() {
            Waits.until(ROUND_LIMIT, "erin to become an active member", () -> member(newcomerKey).isPresent());

            assertTrue(member(newcomerKey).orElseThrow().getActive(), "erin is active");
        }

        @Test
        @Order(2)
        void newcomerVoteCountsInLaterRound() {
            Assumptions.assumeTrue(member(newcomerKey).isPresent(), "erin was not admitted, see newcomerIsAdmitted");
            long admittedHeight = member(newcomerKey).orElseThrow().getJoinedHeight();
            Round[] found = new Round[1];

            Waits.until(ROUND_LIMIT.multipliedBy(2), "a round closed with a vote from erin", () -> {
                found[0] = closedRoundWithVoteOf(newcomerKey, admittedHeight).orElse(null);
                return found[0] != null;
            });

            Round round = found[0];
            long approving = round.getVotesList().stream().filter(VoteRecord::getApprove).count();
            assertTrue(round.getEligibleList().contains(newcomerKey), "erin is eligible in round " + round.getRound());
            assertEquals(approving, round.getApprovals(), "approvals of round " + round.getRound() + " count every approving vote");
        }

        private Optional<Member> member(ByteString key) {
            return alice.members().getMembersList().stream().filter(m -> m.getPubKey().equals(key)).findFirst();
        }

        private Optional<Round> closedRoundWithVoteOf(ByteString voter, long afterHeight) {
            long current = alice.experiment(EXPERIMENT).getCurrentRound();
            for (long number = current; number >= 1; number--) {
                Round round = alice.round(EXPERIMENT, number);
                boolean closed = round.getStatus() == RoundStatus.ACCEPTED || round.getStatus() == RoundStatus.REJECTED;
                boolean voted = round.getVotesList().stream().anyMatch(v -> v.getVoter().equals(voter));
                if (closed && voted && round.getProposedHeight() >= afterHeight) {
                    return Optional.of(round);
                }
            }
            return Optional.empty();
        }
    }
}
