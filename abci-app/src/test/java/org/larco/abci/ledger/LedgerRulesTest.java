package org.larco.abci.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.protobuf.ByteString;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.larco.abci.ResultCodes;
import org.larco.abci.testing.Hashes;
import org.larco.abci.testing.LedgerDriver;
import org.larco.protocol.abci.ExecTxResult;
import org.larco.protocol.tx.Transactions;
import org.larco.protocol.tx.Tx;
import org.larco.protocol.tx.TxBody;
import org.larco.protocol.tx.Vote;

/**
 * One row per ledger rule: a tx the rule accepts and a tx it rejects with its own code, each run
 * in FinalizeBlock on a fresh {@link Scenario}.
 */
class LedgerRulesTest {

    @TempDir
    Path home;

    /** A rule with its accepted and rejected case; each case may run set-up blocks first. */
    record RuleCase(String rule, Function<Scenario, byte[]> accepted, Function<Scenario, byte[]> rejected, int code) {
        @Override
        public String toString() {
            return rule;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void ruleAcceptsValidTx(RuleCase rule) {
        Scenario scenario = new Scenario(home);
        byte[] tx = rule.accepted().apply(scenario);

        ExecTxResult result = deliver(scenario, tx);

        assertEquals(ResultCodes.OK, result.getCode(), result.getLog());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void ruleRejectsInvalidTx(RuleCase rule) {
        Scenario scenario = new Scenario(home);
        byte[] tx = rule.rejected().apply(scenario);

        ExecTxResult result = deliver(scenario, tx);

        assertEquals(rule.code(), result.getCode(), result.getLog());
        assertFalse(result.getLog().isEmpty(), "a rejected tx needs a log message");
        assertEquals(0, result.getEventsCount(), "a rejected tx emits no events");
    }

    private static ExecTxResult deliver(Scenario scenario, byte[] tx) {
        return scenario.chain.blockOfBytes(List.of(ByteString.copyFrom(tx))).getTxResults(0);
    }

    static Stream<RuleCase> rules() {
        return Stream.of(
                new RuleCase("txMustBeWellFormed",
                        s -> Scenario.encode(s.proposeRound1()),
                        s -> new byte[] {0x0a, 0x7f, 0x01},
                        ResultCodes.MALFORMED_TX),
                new RuleCase("txMustFitSizeLimit",
                        s -> Scenario.encode(s.chain.join(s.dave, "http://" + "x".repeat(240))),
                        s -> Scenario.encode(Transactions.sign(s.bob, Transactions.vote(LedgerDriver.CHAIN_ID, 0,
                                Vote.newBuilder().setExperiment(1).setRound(1).setReason("x".repeat(10_000)).build()))),
                        ResultCodes.TX_TOO_LARGE),
                new RuleCase("chainIdMustMatch",
                        s -> Scenario.encode(s.proposeRound1()),
                        s -> Scenario.encode(Transactions.sign(s.alice,
                                s.proposeRound1().getBody().toBuilder().setChainId("other-chain").build())),
                        ResultCodes.WRONG_CHAIN_ID),
                new RuleCase("signatureMustVerify",
                        s -> Scenario.encode(s.proposeRound1()),
                        s -> Scenario.encode(flipSignatureBit(s.proposeRound1())),
                        ResultCodes.BAD_SIGNATURE),
                new RuleCase("signatureMustBeBySigner",
                        s -> Scenario.encode(s.proposeRound1()),
                        s -> Scenario.encode(s.proposeRound1().toBuilder().setSigner(Scenario.key(s.bob)).build()),
                        ResultCodes.BAD_SIGNATURE),
                new RuleCase("nonceMustNotBeReplayed",
                        s -> Scenario.encode(s.proposeRound1()),
                        s -> {
                            s.ok(s.chain.join(s.dave, ""));
                            return Scenario.encode(Transactions.sign(s.dave, Transactions.resume(LedgerDriver.CHAIN_ID, 0)));
                        },
                        ResultCodes.NONCE_REPLAYED),
                new RuleCase("nonceMustNotSkip",
                        s -> Scenario.encode(s.proposeRound1()),
                        s -> Scenario.encode(Transactions.sign(s.alice, withNonce(s.proposeRound1().getBody(), 1))),
                        ResultCodes.NONCE_GAP),
                new RuleCase("joinRequiresNonMember",
                        s -> Scenario.encode(s.chain.join(s.dave, "http://127.0.0.1:8084")),
                        s -> Scenario.encode(s.chain.join(s.alice, "http://127.0.0.1:8081")),
                        ResultCodes.ALREADY_MEMBER),
                new RuleCase("joinOnlyOnceWhilePending",
                        s -> {
                            s.ok(s.chain.join(s.dave, ""));
                            return Scenario.encode(s.chain.join(s.erin, ""));
                        },
                        s -> {
                            s.ok(s.chain.join(s.dave, ""));
                            return Scenario.encode(s.chain.join(s.dave, ""));
                        },
                        ResultCodes.ALREADY_PENDING),
                new RuleCase("joinNameMustBeSet",
                        s -> Scenario.encode(s.chain.join(s.dave, "")),
                        s -> Scenario.encode(s.chain.tx(s.dave, n -> Transactions.join(LedgerDriver.CHAIN_ID, n,
                                org.larco.protocol.tx.Join.newBuilder().setName("").build()))),
                        ResultCodes.INVALID_FIELD),
                new RuleCase("admitRequiresPendingJoin",
                        s -> {
                            s.ok(s.chain.join(s.dave, ""));
                            return Scenario.encode(s.chain.admit(s.alice, s.dave, true));
                        },
                        s -> {
                            s.ok(s.chain.join(s.dave, ""));
                            return Scenario.encode(s.chain.admit(s.alice, s.erin, true));
                        },
                        ResultCodes.NO_PENDING_JOIN),
                new RuleCase("admitBeforeAdmissionDeadline",
                        s -> {
                            s.ok(s.chain.join(s.dave, ""));
                            s.chain.emptyBlocks(Scenario.DEADLINE_BLOCKS - 2);
                            return Scenario.encode(s.chain.admit(s.alice, s.dave, true));
                        },
                        s -> {
                            s.ok(s.chain.join(s.dave, ""));
                            s.chain.emptyBlocks(Scenario.DEADLINE_BLOCKS - 1);
                            return Scenario.encode(s.chain.admit(s.alice, s.dave, true));
                        },
                        ResultCodes.NO_PENDING_JOIN),
                new RuleCase("admitOncePerMember",
                        s -> {
                            s.ok(s.chain.join(s.dave, ""));
                            s.ok(s.chain.admit(s.alice, s.dave, false));
                            return Scenario.encode(s.chain.admit(s.bob, s.dave, true));
                        },
                        s -> {
                            s.ok(s.chain.join(s.dave, ""));
                            s.ok(s.chain.admit(s.alice, s.dave, false));
                            return Scenario.encode(s.chain.admit(s.alice, s.dave, true));
                        },
                        ResultCodes.DOUBLE_ADMIT),
                new RuleCase("admitRequiresMember",
                        s -> {
                            s.ok(s.chain.join(s.dave, ""));
                            return Scenario.encode(s.chain.admit(s.alice, s.dave, true));
                        },
                        s -> {
                            s.ok(s.chain.join(s.dave, ""));
                            return Scenario.encode(s.chain.admit(s.erin, s.dave, true));
                        },
                        ResultCodes.NOT_MEMBER),
                new RuleCase("admitRequiresActiveMember",
                        s -> {
                            s.makeCarolInactive();
                            s.ok(s.chain.join(s.dave, ""));
                            return Scenario.encode(s.chain.admit(s.alice, s.dave, true));
                        },
                        s -> {
                            s.makeCarolInactive();
                            s.ok(s.chain.join(s.dave, ""));
                            return Scenario.encode(s.chain.admit(s.carol, s.dave, true));
                        },
                        ResultCodes.INACTIVE_MEMBER),
                new RuleCase("resumeRequiresInactiveMember",
                        s -> {
                            s.makeCarolInactive();
                            return Scenario.encode(s.chain.resume(s.carol));
                        },
                        s -> Scenario.encode(s.chain.resume(s.alice)),
                        ResultCodes.ALREADY_ACTIVE),
                new RuleCase("openExperimentRequiresMember",
                        s -> Scenario.encode(s.chain.openExperiment(s.bob, Scenario.spec("second").build())),
                        s -> Scenario.encode(s.chain.openExperiment(s.dave, Scenario.spec("second").build())),
                        ResultCodes.NOT_MEMBER),
                new RuleCase("openExperimentThresholdMustBeProper",
                        s -> Scenario.encode(s.chain.openExperiment(s.bob, Scenario.spec("second").setThresholdNum(2).build())),
                        s -> Scenario.encode(s.chain.openExperiment(s.bob, Scenario.spec("second").setThresholdNum(3).build())),
                        ResultCodes.INVALID_FIELD),
                new RuleCase("openExperimentHashesMustBe32Bytes",
                        s -> Scenario.encode(s.chain.openExperiment(s.bob, Scenario.spec("second").build())),
                        s -> Scenario.encode(s.chain.openExperiment(s.bob,
                                Scenario.spec("second").setModelSpecHash(ByteString.copyFromUtf8("short")).build())),
                        ResultCodes.INVALID_FIELD),
                new RuleCase("proposeRequiresKnownExperiment",
                        s -> Scenario.encode(s.proposeRound1()),
                        s -> Scenario.encode(s.chain.propose(s.alice, 9, 1, s.initialHead, s.weights1)),
                        ResultCodes.EXPERIMENT_NOT_FOUND),
                new RuleCase("proposeRequiresUnfinishedExperiment",
                        s -> Scenario.encode(s.proposeRound1()),
                        s -> {
                            s.ok(s.chain.openExperiment(s.alice, Scenario.spec("short").setMaxRounds(1)
                                    .setProposalDeadlineBlocks(1).build()));
                            s.chain.emptyBlocks(1);
                            return Scenario.encode(s.chain.propose(s.alice, 2, 1, Hashes.bytes("init:short"), s.weights1));
                        },
                        ResultCodes.EXPERIMENT_FINISHED),
                new RuleCase("proposeRequiresRoundProposer",
                        s -> Scenario.encode(s.proposeRound1()),
                        s -> Scenario.encode(s.chain.propose(s.bob, 1, 1, s.initialHead, s.weights1)),
                        ResultCodes.WRONG_PROPOSER),
                new RuleCase("proposeRequiresMember",
                        s -> Scenario.encode(s.proposeRound1()),
                        s -> Scenario.encode(s.chain.propose(s.dave, 1, 1, s.initialHead, s.weights1)),
                        ResultCodes.NOT_MEMBER),
                new RuleCase("proposeParentMustBeHead",
                        s -> Scenario.encode(s.proposeRound1()),
                        s -> Scenario.encode(s.chain.propose(s.alice, 1, 1, Hashes.bytes("stale"), s.weights1)),
                        ResultCodes.WRONG_PARENT),
                new RuleCase("proposeMustNameOpenRound",
                        s -> Scenario.encode(s.proposeRound1()),
                        s -> Scenario.encode(s.chain.propose(s.alice, 1, 2, s.initialHead, s.weights1)),
                        ResultCodes.WRONG_ROUND),
                new RuleCase("proposeOncePerRound",
                        s -> Scenario.encode(s.proposeRound1()),
                        s -> {
                            s.ok(s.proposeRound1());
                            return Scenario.encode(s.chain.propose(s.alice, 1, 1, s.initialHead, Hashes.bytes("other")));
                        },
                        ResultCodes.ALREADY_PROPOSED),
                new RuleCase("proposeBeforeProposalDeadline",
                        s -> {
                            s.chain.emptyBlocks(Scenario.DEADLINE_BLOCKS - 1);
                            return Scenario.encode(s.proposeRound1());
                        },
                        s -> {
                            s.chain.emptyBlocks(Scenario.DEADLINE_BLOCKS);
                            return Scenario.encode(s.proposeRound1());
                        },
                        ResultCodes.LATE_PROPOSAL),
                new RuleCase("proposeWeightsHashMustBe32Bytes",
                        s -> Scenario.encode(s.proposeRound1()),
                        s -> Scenario.encode(s.chain.propose(s.alice, 1, 1, s.initialHead, ByteString.copyFromUtf8("w"))),
                        ResultCodes.INVALID_FIELD),
                new RuleCase("voteRequiresProposal",
                        s -> {
                            s.ok(s.proposeRound1());
                            return Scenario.encode(s.vote(s.bob, true));
                        },
                        s -> Scenario.encode(s.vote(s.bob, true)),
                        ResultCodes.NO_PROPOSAL),
                new RuleCase("voteRequiresExistingRound",
                        s -> {
                            s.ok(s.proposeRound1());
                            return Scenario.encode(s.vote(s.bob, true));
                        },
                        s -> {
                            s.ok(s.proposeRound1());
                            return Scenario.encode(s.chain.vote(s.bob, 1, 7, s.weights1, true, 1));
                        },
                        ResultCodes.WRONG_ROUND),
                new RuleCase("proposerCannotVoteOnOwnProposal",
                        s -> {
                            s.ok(s.proposeRound1());
                            return Scenario.encode(s.vote(s.bob, true));
                        },
                        s -> {
                            s.ok(s.proposeRound1());
                            return Scenario.encode(s.vote(s.alice, true));
                        },
                        ResultCodes.SELF_VOTE),
                new RuleCase("voteRequiresMember",
                        s -> {
                            s.ok(s.proposeRound1());
                            return Scenario.encode(s.vote(s.carol, false));
                        },
                        s -> {
                            s.ok(s.proposeRound1());
                            return Scenario.encode(s.vote(s.dave, true));
                        },
                        ResultCodes.NOT_MEMBER),
                new RuleCase("voteRequiresEligibilityAtProposal",
                        s -> {
                            s.ok(s.proposeRound1());
                            s.admitDave();
                            return Scenario.encode(s.vote(s.bob, true));
                        },
                        s -> {
                            s.ok(s.proposeRound1());
                            s.admitDave();
                            return Scenario.encode(s.vote(s.dave, true));
                        },
                        ResultCodes.NOT_ELIGIBLE),
                new RuleCase("voteOncePerMember",
                        s -> {
                            s.ok(s.proposeRound1());
                            s.ok(s.vote(s.bob, true));
                            return Scenario.encode(s.vote(s.carol, true));
                        },
                        s -> {
                            s.ok(s.proposeRound1());
                            s.ok(s.vote(s.bob, true));
                            return Scenario.encode(s.vote(s.bob, false));
                        },
                        ResultCodes.DOUBLE_VOTE),
                new RuleCase("voteProposalMustMatch",
                        s -> {
                            s.ok(s.proposeRound1());
                            return Scenario.encode(s.vote(s.bob, true));
                        },
                        s -> {
                            s.ok(s.proposeRound1());
                            return Scenario.encode(s.chain.vote(s.bob, 1, 1, Hashes.bytes("other"), true, 1));
                        },
                        ResultCodes.WRONG_PROPOSAL),
                new RuleCase("voteBeforeVoteDeadline",
                        s -> {
                            s.ok(s.proposeRound1());
                            s.chain.emptyBlocks(Scenario.DEADLINE_BLOCKS - 2);
                            return Scenario.encode(s.vote(s.bob, true));
                        },
                        s -> {
                            s.ok(s.proposeRound1());
                            s.chain.emptyBlocks(Scenario.DEADLINE_BLOCKS - 1);
                            return Scenario.encode(s.vote(s.bob, true));
                        },
                        ResultCodes.LATE_VOTE));
    }

    private static Tx flipSignatureBit(Tx tx) {
        byte[] signature = tx.getSignature().toByteArray();
        signature[0] ^= 1;
        return tx.toBuilder().setSignature(ByteString.copyFrom(signature)).build();
    }

    private static TxBody withNonce(TxBody body, long nonce) {
        return body.toBuilder().setNonce(nonce).build();
    }
}
