package org.larco.abci;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.larco.abci.testing.Hashes;
import org.larco.abci.testing.LedgerDriver;
import org.larco.abci.testing.TestKeys;
import org.larco.protocol.keys.NodeKey;
import org.larco.protocol.tx.Experiment;
import org.larco.protocol.tx.Round;
import org.larco.protocol.tx.Transactions;
import org.larco.protocol.tx.Tx;

/**
 * A seeded mix of valid and invalid txs (proposals, votes, joins, admits, resumes, garbage) from
 * three genesis members and three outsiders, for determinism and replay tests.
 */
final class RandomWorkload {

    static final List<NodeKey> KEYS = TestKeys.keys(6);
    static final int MEMBERS = 3;

    private final Random random;
    private final LedgerDriver chain;

    RandomWorkload(long seed, LedgerDriver chain) {
        this.random = new Random(seed);
        this.chain = chain;
    }

    /** Runs {@code blocks} blocks of up to 6 txs each. */
    void run(int blocks) {
        for (int i = 0; i < blocks; i++) {
            List<ByteString> txs = new ArrayList<>();
            int count = random.nextInt(7);
            for (int t = 0; t < count; t++) {
                txs.add(nextTx());
            }
            chain.blockOfBytes(txs);
        }
    }

    private ByteString nextTx() {
        NodeKey signer = KEYS.get(random.nextInt(KEYS.size()));
        Experiment experiment = chain.query("/experiments/1", Experiment.parser());
        Round round = chain.query("/experiments/1/rounds/" + experiment.getCurrentRound(), Round.parser());
        Tx tx = switch (random.nextInt(8)) {
            case 0, 1 -> chain.propose(random.nextBoolean() ? keyOf(round.getProposer(), signer) : signer, 1,
                    experiment.getCurrentRound(), experiment.getHead(), Hashes.bytes("w" + random.nextInt(1000)));
            case 2, 3, 4 -> chain.vote(signer, 1, experiment.getCurrentRound(), round.getProposal().getWeightsHash(),
                    random.nextBoolean(), random.nextInt(1_000_000));
            case 5 -> chain.join(signer, "http://127.0.0.1:" + (9000 + random.nextInt(10)));
            case 6 -> chain.admit(signer, KEYS.get(MEMBERS + random.nextInt(KEYS.size() - MEMBERS)), random.nextBoolean());
            default -> chain.resume(signer);
        };
        if (random.nextInt(20) == 0) {
            byte[] garbage = new byte[random.nextInt(64)];
            random.nextBytes(garbage);
            return ByteString.copyFrom(garbage);
        }
        return ByteString.copyFrom(Transactions.encode(tx));
    }

    private static NodeKey keyOf(ByteString publicKey, NodeKey fallback) {
        for (NodeKey key : KEYS) {
            if (ByteString.copyFrom(key.publicKey()).equals(publicKey)) {
                return key;
            }
        }
        return fallback;
    }
}
