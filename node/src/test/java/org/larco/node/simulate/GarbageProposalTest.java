package org.larco.node.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.larco.node.report.RoundRecord;

class GarbageProposalTest {

    @TempDir
    Path outDir;

    @Test
    void garbageWeightsAreVotedDown() throws Exception {
        // group-3 proposes in round 3, after two rounds of real training moved the head away from
        // its random initialisation, so every honest voter's current score is above chance.
        SimulationOptions options = new SimulationOptions(3, 3, 400, 50, SimulationOptions.DEFAULT_PRESETS, 5, 3, 32, 1, 2,
                50, 2000, outDir, 0, false, List.of("group-3"), 2, false, false);
        ByteArrayOutputStream console = new ByteArrayOutputStream();

        SimulationResult result = new Simulation(options, new PrintStream(console, true, StandardCharsets.UTF_8)).run();

        RoundRecord garbageRound = result.rounds().get(2);
        assertEquals("group-3", garbageRound.proposer(), console.toString(StandardCharsets.UTF_8));
        assertEquals("REJECTED", garbageRound.status(), console.toString(StandardCharsets.UTF_8));
        assertEquals("REJECT", garbageRound.votes().get("group-1"));
        assertEquals("REJECT", garbageRound.votes().get("group-2"));
        assertFalse(result.headHex().isEmpty());
    }
}
