package org.larco.tests.testnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.larco.protocol.keys.NodeKey;
import org.larco.protocol.tx.Admit;
import org.larco.protocol.tx.Experiment;
import org.larco.protocol.tx.Join;
import org.larco.protocol.tx.Member;
import org.larco.protocol.tx.Propose;
import org.larco.protocol.tx.Round;
import org.larco.protocol.tx.RoundStatus;
import org.larco.protocol.tx.Transactions;
import org.larco.protocol.tx.Vote;
import org.larco.protocol.tx.VoteRecord;

/**
 * The ledger alone on a real network: 4 CometBFT validators, each with its own `larco abci`,
 * started by deploy/testnet without learner nodes, then a fifth stakeholder's full node started
 * by deploy/join. Signed Join, Admit, Propose and Vote txs go in through the RPC, and every node
 * must reach the same state.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TestnetLedgerTest {

    private static final int VALIDATORS = 4;
    private static final long EXPERIMENT = 1;
    private static final Duration ROUND_LIMIT = Duration.ofSeconds(60);
    private static final String SPEC_HASH = sha256Hex("testnet ledger test model spec");
    private static final String INITIAL_WEIGHTS_HASH = sha256Hex("testnet ledger test initial weights");

    private LocalTestnet testnet;
    private LedgerClient alice;
    private Stakeholder newcomer;

    @BeforeAll
    void startTestnet() {
        testnet = LocalTestnet.up(VALIDATORS, 1, "--validators", "4", "--learners", "4", "--no-nodes",
                "--model-hashes", SPEC_HASH + "," + INITIAL_WEIGHTS_HASH,
                "--timeout-commit", "300ms", "--deadline-blocks", "200");
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
    void genesisExperimentHasInitialHead() {
        Experiment experiment = alice.experiment(EXPERIMENT);

        assertEquals(INITIAL_WEIGHTS_HASH, LedgerClient.hex(experiment.getHead()));
        assertEquals(VALIDATORS, alice.members().getMembersCount());
    }

    @Test
    @Order(2)
    void approvedProposalBecomesHeadOnEveryValidator() {
        Round closed = proposeAndApprove(memberKeys(), alice);

        assertEquals(RoundStatus.ACCEPTED, closed.getStatus());
        assertEquals(VALIDATORS - 1, closed.getApprovals());
        for (Stakeholder validator : testnet.validators()) {
            LedgerClient ledger = new LedgerClient(validator.rpc());
            Waits.until(ROUND_LIMIT, validator.name() + " to record the accepted round",
                    () -> ledger.round(EXPERIMENT, closed.getRound()).getStatus() == RoundStatus.ACCEPTED);
            assertEquals(closed.getProposal().getWeightsHash(), ledger.experiment(EXPERIMENT).getHead(),
                    validator.name() + "'s head");
        }
    }

    @Test
    @Order(3)
    void txFromNonMemberIsRejectedByCheckTx() {
        NodeKey stranger = NodeKey.generate("stranger");
        Vote vote = Vote.newBuilder().setExperiment(EXPERIMENT).setRound(1)
                .setProposal(ByteString.copyFrom(new byte[32])).setApprove(true).build();

        CometRpc.BroadcastReply reply = alice.submit(stranger, Transactions.vote(alice.rpc().chainId(), 0, vote));

        assertNotEquals(0, reply.code(), "CheckTx code for a vote from a non-member");
    }

    @Test
    @Order(4)
    void newcomerFullNodeIsAdmittedByMembersVotes() {
        Stakeholder first = testnet.stakeholders().get(0);
        newcomer = testnet.join("erin", testnet.spareBasePort(0), "--no-node",
                "--peer", first.rpc().nodeId() + "@127.0.0.1:" + first.p2pPort(), "--genesis-from", first.rpc().url());
        LedgerClient erin = new LedgerClient(newcomer.rpc());
        NodeKey erinKey = newcomer.key();
        String chainId = alice.rpc().chainId();

        Join join = Join.newBuilder().setName("erin").setEndpoint("http://127.0.0.1:" + newcomer.httpPort()).build();
        assertEquals(0, erin.submit(erinKey, Transactions.join(chainId, erin.nextNonce(erinKey), join)).code());
        ByteString candidate = ByteString.copyFrom(erinKey.publicKey());
        Waits.until(ROUND_LIMIT, "erin's Join to be pending",
                () -> erin.pending().getPendingList().stream().anyMatch(p -> p.getCandidate().equals(candidate)));
        // Two approvals of four members reach the 1/2 admission threshold.
        for (Stakeholder member : testnet.stakeholders().subList(0, 2)) {
            NodeKey key = member.key();
            Admit admit = Admit.newBuilder().setCandidate(candidate).setApprove(true).build();
            assertEquals(0, alice.submit(key, Transactions.admit(chainId, alice.nextNonce(key), admit)).code(),
                    member.name() + "'s Admit");
        }

        Waits.until(ROUND_LIMIT, "erin to be a member in its own full node's ledger",
                () -> erin.members().getMembersList().stream().anyMatch(m -> m.getPubKey().equals(candidate)));
        Member erinInAlicesLedger = alice.members().getMembersList().stream()
                .filter(m -> m.getPubKey().equals(candidate)).findFirst().orElseThrow();
        assertTrue(erinInAlicesLedger.getActive(), "erin is active in alice's ledger");
    }

    @Test
    @Order(5)
    void newcomerVoteCountsInNextRound() {
        Assumptions.assumeTrue(newcomer != null, "erin did not join");
        Map<String, NodeKey> keys = memberKeys();
        NodeKey erinKey = newcomer.key();
        keys.put(erinKey.publicKeyHex(), erinKey);

        Round closed = proposeAndApprove(keys, new LedgerClient(newcomer.rpc()));

        ByteString erin = ByteString.copyFrom(erinKey.publicKey());
        assertTrue(closed.getEligibleList().contains(erin), "erin is eligible in round " + closed.getRound());
        VoteRecord erinsVote = closed.getVotesList().stream()
                .filter(v -> v.getVoter().equals(erin)).findFirst().orElseThrow();
        assertTrue(erinsVote.getApprove(), "erin's vote in round " + closed.getRound() + " approves");
        assertEquals(VALIDATORS, closed.getApprovals(), "approvals of round " + closed.getRound());
    }

    @Test
    @Order(6)
    void nodesAgreeOnAppHashAndBlock() {
        long height = alice.rpc().latestHeight() + 2;
        List<Stakeholder> nodes = new ArrayList<>(testnet.validators());
        if (newcomer != null) {
            nodes.add(newcomer);
        }
        for (Stakeholder node : nodes) {
            Waits.until(ROUND_LIMIT, node.name() + " to reach height " + height,
                    () -> node.rpc().latestHeight() >= height);
        }

        String appHash = alice.rpc().appHashAt(height);
        String blockHash = alice.rpc().blockHashAt(height);
        for (Stakeholder validator : nodes) {
            assertEquals(appHash, validator.rpc().appHashAt(height), validator.name() + "'s app hash at " + height);
            assertEquals(blockHash, validator.rpc().blockHashAt(height), validator.name() + "'s block hash at " + height);
        }
    }

    private Map<String, NodeKey> memberKeys() {
        return testnet.stakeholders().stream()
                .map(Stakeholder::key)
                .collect(Collectors.toMap(NodeKey::publicKeyHex, Function.identity(), (a, b) -> a, HashMap::new));
    }

    /**
     * Has the open round's proposer propose fresh weights and every other key in {@code keys}
     * approve them, each tx sent through {@code via}; returns the closed round.
     */
    private Round proposeAndApprove(Map<String, NodeKey> keys, LedgerClient via) {
        String chainId = via.rpc().chainId();
        Experiment experiment = via.experiment(EXPERIMENT);
        long roundNumber = experiment.getCurrentRound();
        NodeKey proposer = keys.get(LedgerClient.hex(via.round(EXPERIMENT, roundNumber).getProposer()));
        ByteString weights = ByteString.copyFrom(HexFormat.of().parseHex(sha256Hex("round " + roundNumber + " weights")));

        Propose propose = Propose.newBuilder().setExperiment(EXPERIMENT).setRound(roundNumber)
                .setParent(experiment.getHead()).setWeightsHash(weights).setSizeBytes(4096)
                .setClaimedScorePpm(600_000).build();
        assertEquals(0, via.submit(proposer, Transactions.propose(chainId, via.nextNonce(proposer), propose)).code(),
                "CheckTx code of round " + roundNumber + "'s Propose");
        Waits.until(ROUND_LIMIT, "round " + roundNumber + " to reach VOTING",
                () -> via.round(EXPERIMENT, roundNumber).getStatus() == RoundStatus.VOTING);

        for (NodeKey voter : keys.values()) {
            if (voter == proposer) {
                continue;
            }
            Vote vote = Vote.newBuilder().setExperiment(EXPERIMENT).setRound(roundNumber).setProposal(weights)
                    .setApprove(true).setVoteScorePpm(610_000).build();
            assertEquals(0, via.submit(voter, Transactions.vote(chainId, via.nextNonce(voter), vote)).code(),
                    "CheckTx code of " + voter.name() + "'s Vote in round " + roundNumber);
        }
        Waits.until(ROUND_LIMIT, "round " + roundNumber + " to close",
                () -> via.round(EXPERIMENT, roundNumber).getStatus() != RoundStatus.VOTING);
        return via.round(EXPERIMENT, roundNumber);
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
