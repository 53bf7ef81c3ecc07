package org.larco.abci;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.ByteString;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.larco.abci.testing.GenesisBuilder;
import org.larco.abci.testing.Hashes;
import org.larco.abci.testing.LedgerDriver;
import org.larco.abci.testing.TestKeys;
import org.larco.protocol.keys.NodeKey;
import org.larco.protocol.tx.Experiment;
import org.larco.protocol.tx.Round;
import org.larco.protocol.tx.RoundStatus;

class RoundFlowTest {

    @TempDir
    Path home;

    @Test
    void acceptedRoundMovesHeadAndOpensNextRound() {
        List<NodeKey> keys = TestKeys.keys(3);
        LedgerDriver chain = LedgerDriver.genesis(LedgerDriver.open(home),
                new GenesisBuilder().members(keys).experiment("mnist").json());
        ByteString head = Hashes.bytes("init:mnist");
        ByteString proposal = Hashes.bytes("w1");

        assertEquals(0, chain.deliver(chain.propose(keys.get(0), 1, 1, head, proposal)).getCode());
        assertEquals(0, chain.deliver(chain.vote(keys.get(1), 1, 1, proposal, true, 900_000)).getCode());
        assertEquals(0, chain.deliver(chain.vote(keys.get(2), 1, 1, proposal, false, 100_000)).getCode());

        Round round = chain.query("/experiments/1/rounds/1", Round.parser());
        Experiment experiment = chain.query("/experiments/1", Experiment.parser());
        Round next = chain.query("/experiments/1/rounds/2", Round.parser());
        assertEquals(RoundStatus.ACCEPTED, round.getStatus());
        assertEquals(proposal, experiment.getHead());
        assertEquals(2, experiment.getCurrentRound());
        assertEquals(ByteString.copyFrom(keys.get(1).publicKey()), next.getProposer());
    }
}
