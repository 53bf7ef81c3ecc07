package org.larco.abci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.larco.abci.ledger.Events;
import org.larco.abci.testing.GenesisBuilder;
import org.larco.abci.testing.Hashes;
import org.larco.abci.testing.LedgerDriver;
import org.larco.abci.testing.TestKeys;
import org.larco.protocol.abci.Event;
import org.larco.protocol.abci.EventAttribute;
import org.larco.protocol.abci.ExecTxResult;
import org.larco.protocol.keys.NodeKey;

/** Event types and attributes that nodes subscribe to. */
class EventsTest {

    @TempDir
    Path home;

    private final List<NodeKey> keys = TestKeys.keys(2);
    private final ByteString proposal = Hashes.bytes("w1");

    private static Map<String, String> attributes(List<Event> events, String type) {
        for (Event event : events) {
            if (event.getType().equals(type)) {
                Map<String, String> values = new TreeMap<>();
                for (EventAttribute attribute : event.getAttributesList()) {
                    assertTrue(attribute.getIndex(), "attribute " + attribute.getKey() + " of " + type + " is not indexed");
                    values.put(attribute.getKey(), attribute.getValue());
                }
                return values;
            }
        }
        throw new AssertionError("no " + type + " event in " + events);
    }

    @Test
    void proposeEventCarriesRoundAndProposal() {
        LedgerDriver chain = LedgerDriver.genesis(LedgerDriver.open(home), new GenesisBuilder().members(keys).experiment("e").json());

        ExecTxResult result = chain.deliver(chain.propose(keys.get(0), 1, 1, Hashes.bytes("init:e"), proposal));

        assertEquals(Map.of("experiment", "1", "round", "1", "proposal", Events.hex(proposal),
                "proposer", keys.get(0).publicKeyHex()), attributes(result.getEventsList(), "propose"));
    }

    @Test
    void voteEventCarriesVoterAndApproval() {
        LedgerDriver chain = LedgerDriver.genesis(LedgerDriver.open(home), new GenesisBuilder().members(keys).experiment("e").json());
        chain.deliver(chain.propose(keys.get(0), 1, 1, Hashes.bytes("init:e"), proposal));

        ExecTxResult result = chain.deliver(chain.vote(keys.get(1), 1, 1, proposal, true, 5));

        assertEquals(Map.of("experiment", "1", "round", "1", "proposal", Events.hex(proposal),
                "voter", keys.get(1).publicKeyHex(), "approve", "true"), attributes(result.getEventsList(), "vote"));
        assertEquals(Map.of("experiment", "1", "round", "1", "proposal", Events.hex(proposal), "status", "accepted",
                "approvals", "1", "eligible", "1"), attributes(result.getEventsList(), "round_close"));
        assertEquals(Map.of("experiment", "1", "round", "2", "proposer", keys.get(1).publicKeyHex()),
                attributes(result.getEventsList(), "round_open"));
    }

    @Test
    void openExperimentEmitsExperimentOpen() {
        LedgerDriver chain = LedgerDriver.genesis(LedgerDriver.open(home), new GenesisBuilder().members(keys).experiment("e").json());

        ExecTxResult result = chain.deliver(chain.openExperiment(keys.get(1), org.larco.protocol.tx.OpenExperiment.newBuilder()
                .setName("second").setModelSpecHash(Hashes.bytes("s")).setInitialWeightsHash(Hashes.bytes("i"))
                .setThresholdNum(1).setThresholdDen(2).setProposalDeadlineBlocks(5).setVoteDeadlineBlocks(5).build()));

        assertEquals(Map.of("experiment", "2"), attributes(result.getEventsList(), "experiment_open"));
    }
}
