package org.larco.abci.ledger;

import com.google.protobuf.ByteString;
import java.nio.file.Path;
import java.util.List;
import org.larco.abci.testing.GenesisBuilder;
import org.larco.abci.testing.Hashes;
import org.larco.abci.testing.LedgerDriver;
import org.larco.abci.testing.TestKeys;
import org.larco.protocol.abci.ExecTxResult;
import org.larco.protocol.keys.NodeKey;
import org.larco.protocol.tx.Member;
import org.larco.protocol.tx.MemberList;
import org.larco.protocol.tx.OpenExperiment;
import org.larco.protocol.tx.Transactions;
import org.larco.protocol.tx.Tx;

/**
 * The ledger the rule tests start from. Members are alice, bob and carol, in join order, and dave
 * and erin are outsiders. Experiment 1 has threshold 1/2, proposal and vote deadlines of 5 blocks
 * and 10 rounds. Admission needs 1/2 within 5 blocks, and 2 missed duties make a member inactive.
 * Round 1 of experiment 1 opens at height 1 with alice as proposer.
 */
final class Scenario {

    static final int DEADLINE_BLOCKS = 5;

    final NodeKey alice = TestKeys.key(0);
    final NodeKey bob = TestKeys.key(1);
    final NodeKey carol = TestKeys.key(2);
    final NodeKey dave = TestKeys.key(3);
    final NodeKey erin = TestKeys.key(4);
    final ByteString initialHead = Hashes.bytes("init:refine");
    final ByteString weights1 = Hashes.bytes("weights-1");
    final LedgerDriver chain;

    Scenario(Path home) {
        String genesis = new GenesisBuilder()
                .members(List.of(alice, bob, carol))
                .param("admission_deadline_blocks", DEADLINE_BLOCKS)
                .param("max_missed_duties", 2)
                .experiment("refine", 1, 2, DEADLINE_BLOCKS, DEADLINE_BLOCKS, 10)
                .json();
        chain = LedgerDriver.genesis(LedgerDriver.open(home), genesis);
    }

    static byte[] encode(Tx tx) {
        return Transactions.encode(tx);
    }

    static ByteString key(NodeKey key) {
        return ByteString.copyFrom(key.publicKey());
    }

    /** Runs {@code tx} in its own block and fails unless it is accepted. */
    ExecTxResult ok(Tx tx) {
        ExecTxResult result = chain.deliver(tx);
        if (result.getCode() != 0) {
            throw new IllegalStateException("set-up tx rejected with code " + result.getCode() + ": " + result.getLog());
        }
        return result;
    }

    /** Alice proposes weights1 for round 1 of experiment 1. */
    Tx proposeRound1() {
        return chain.propose(alice, 1, 1, initialHead, weights1);
    }

    Tx vote(NodeKey voter, boolean approve) {
        return chain.vote(voter, 1, 1, weights1, approve, approve ? 800_000 : 200_000);
    }

    /** Makes carol miss two votes (rounds 1 and 2), which makes her inactive. */
    void makeCarolInactive() {
        ok(proposeRound1());
        ok(vote(bob, true));
        chain.emptyBlocks(DEADLINE_BLOCKS);
        ok(chain.propose(bob, 1, 2, weights1, Hashes.bytes("weights-2")));
        ok(chain.vote(alice, 1, 2, Hashes.bytes("weights-2"), true, 800_000));
        chain.emptyBlocks(DEADLINE_BLOCKS);
        if (member(carol).getActive()) {
            throw new IllegalStateException("set-up failed: carol is still active after two missed votes");
        }
    }

    /** Dave joins and alice and bob approve, so dave becomes the fourth member. */
    void admitDave() {
        ok(chain.join(dave, "http://127.0.0.1:8084"));
        ok(chain.admit(alice, dave, true));
        ok(chain.admit(bob, dave, true));
    }

    Member member(NodeKey key) {
        for (Member member : chain.query("/members", MemberList.parser()).getMembersList()) {
            if (member.getPubKey().equals(key(key))) {
                return member;
            }
        }
        return null;
    }

    static OpenExperiment.Builder spec(String name) {
        return OpenExperiment.newBuilder()
                .setName(name)
                .setModelSpecHash(Hashes.bytes("spec:" + name))
                .setInitialWeightsHash(Hashes.bytes("init:" + name))
                .setThresholdNum(1)
                .setThresholdDen(2)
                .setProposalDeadlineBlocks(DEADLINE_BLOCKS)
                .setVoteDeadlineBlocks(DEADLINE_BLOCKS)
                .setMaxRounds(10);
    }
}
