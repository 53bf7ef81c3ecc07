package org.larco.abci.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HexFormat;
import java.util.List;
import org.larco.protocol.keys.NodeKey;

/** Writes a genesis app_state JSON with the shape the ledger reads. */
public final class GenesisBuilder {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode root = JSON.createObjectNode();
    private final ArrayNode members = root.putArray("members");
    private final ObjectNode params = root.putObject("params");
    private final ArrayNode experiments = root.putArray("experiments");

    public GenesisBuilder() {
        params.put("admission_threshold_num", 1);
        params.put("admission_threshold_den", 2);
        params.put("admission_deadline_blocks", 30);
        params.put("max_missed_duties", 3);
    }

    public GenesisBuilder members(List<NodeKey> keys) {
        for (int i = 0; i < keys.size(); i++) {
            member(keys.get(i), "http://127.0.0.1:" + (8081 + i));
        }
        return this;
    }

    public GenesisBuilder member(NodeKey key, String endpoint) {
        ObjectNode member = members.addObject();
        member.put("name", key.name());
        member.put("pub_key", key.publicKeyHex());
        member.put("endpoint", endpoint);
        return this;
    }

    public GenesisBuilder param(String name, long value) {
        params.put(name, value);
        return this;
    }

    /** Adds a refinement experiment with threshold 1/2, 60-block deadlines and 10 rounds. */
    public GenesisBuilder experiment(String name) {
        return experiment(name, 1, 2, 60, 60, 10);
    }

    public GenesisBuilder experiment(String name, int num, int den, long proposalDeadline, long voteDeadline, int maxRounds) {
        ObjectNode experiment = experiments.addObject();
        experiment.put("name", name);
        experiment.put("model_spec_hash", HexFormat.of().formatHex(Hashes.of("spec:" + name)));
        experiment.put("initial_weights_hash", HexFormat.of().formatHex(Hashes.of("init:" + name)));
        experiment.put("threshold_num", num);
        experiment.put("threshold_den", den);
        experiment.put("proposal_deadline_blocks", proposalDeadline);
        experiment.put("vote_deadline_blocks", voteDeadline);
        experiment.put("max_rounds", maxRounds);
        experiment.put("competition", false);
        experiment.put("task", "");
        return this;
    }

    public String json() {
        return root.toString();
    }
}
