package org.larco.node.simulate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.larco.node.learner.ModelSpec;
import org.larco.node.weights.Weights;
import org.larco.protocol.keys.NodeKey;

/** Writes the genesis app_state of a simulation: every learner a member, one experiment. */
final class SimulationGenesis {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SimulationGenesis() {
    }

    static byte[] appState(List<String> names, List<NodeKey> keys, List<Integer> ports, ModelSpec spec, Weights initial,
            SimulationOptions options) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode members = root.putArray("members");
        for (int i = 0; i < names.size(); i++) {
            members.addObject()
                    .put("name", names.get(i))
                    .put("pub_key", keys.get(i).publicKeyHex())
                    .put("endpoint", "http://127.0.0.1:" + ports.get(i));
        }
        root.putObject("params")
                .put("admission_threshold_num", 1)
                .put("admission_threshold_den", 2)
                .put("admission_deadline_blocks", options.deadlineBlocks())
                .put("max_missed_duties", 3);
        root.putArray("experiments").addObject()
                .put("name", "lartpc-single-particle")
                .put("model_spec_hash", spec.sha256Hex())
                .put("initial_weights_hash", initial.sha256Hex())
                .put("threshold_num", options.thresholdNum())
                .put("threshold_den", options.thresholdDen())
                .put("proposal_deadline_blocks", options.deadlineBlocks())
                .put("vote_deadline_blocks", options.deadlineBlocks())
                .put("max_rounds", options.rounds())
                .put("competition", false)
                .put("task", "");
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("genesis app_state could not be encoded", e);
        }
    }
}
