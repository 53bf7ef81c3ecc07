package org.larco.node.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoundTableTest {

    private final RoundTable table = new RoundTable(List.of("alice", "bob", "carol"));

    private static RoundRecord record() {
        Map<String, String> votes = new LinkedHashMap<>();
        votes.put("alice", "PROPOSER");
        votes.put("bob", "APPROVE");
        votes.put("carol", "REJECT");
        return new RoundRecord(3, "alice", "ACCEPTED", votes, Map.of("bob", 0.8125, "carol", 0.5),
                Map.of("bob", 0.79, "carol", 0.61), 0.7349);
    }

    @Test
    void rowShowsVotesAndScores() {
        String row = table.row(record());

        assertTrue(row.startsWith("    3  alice      ACCEPTED"), row);
        assertTrue(row.contains("+ 0.813/0.790"), row);
        assertTrue(row.contains("- 0.500/0.610"), row);
        assertTrue(row.endsWith("  0.735"), row);
    }

    @Test
    void rowAlignsWithHeader() {
        assertEquals(table.header().length(), table.row(record()).length());
    }

    @Test
    void absentLearnerShowsDot() {
        RoundRecord record = new RoundRecord(4, "bob", "MISSED", Map.of("bob", "PROPOSER"), Map.of(), Map.of(),
                Double.NaN);

        String row = table.row(record);

        assertTrue(row.contains(" P "), row);
        assertTrue(row.contains(" . "), row);
        assertTrue(row.endsWith("-"), row);
    }
}
