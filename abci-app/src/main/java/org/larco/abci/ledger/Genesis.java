package org.larco.abci.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.larco.protocol.abci.Event;
import org.larco.protocol.tx.Member;
import org.larco.protocol.tx.OpenExperiment;
import org.larco.protocol.tx.Params;

/**
 * Builds the genesis state from CometBFT's genesis {@code app_state} JSON:
 * {@code {"members":[{"name","pub_key","endpoint"}], "params":{...}, "experiments":[{...}]}}.
 *
 * <p>Experiments get ids 1, 2, ... in the order listed and open round 1 at the chain's initial
 * height. An experiment may name its {@code "creator"} (hex public key of a member); the first
 * member is the creator otherwise, which matters for competition experiments, whose creator
 * proposes.
 */
public final class Genesis {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Genesis() {
    }

    /**
     * Parses {@code appState} and returns the state before block {@code initialHeight}.
     *
     * @throws IllegalArgumentException naming the field when the JSON is malformed or a rule
     *     (key length, threshold, deadlines, duplicate member) fails
     */
    public static LedgerState build(String chainId, long initialHeight, byte[] appState) {
        JsonNode root = parse(appState);
        LedgerState state = new LedgerState();
        state.chainId = chainId;
        state.initialHeight = initialHeight;
        state.height = initialHeight - 1;
        state.params = params(root.path("params"));
        JsonNode members = root.path("members");
        if (!members.isArray() || members.isEmpty()) {
            throw new IllegalArgumentException("genesis app_state.members must list at least one member");
        }
        for (int i = 0; i < members.size(); i++) {
            addMember(state, members.get(i), i, initialHeight);
        }
        JsonNode experiments = root.path("experiments");
        List<Event> discarded = new ArrayList<>();
        for (int i = 0; experiments.isArray() && i < experiments.size(); i++) {
            JsonNode node = experiments.get(i);
            OpenExperiment spec = experimentSpec(node, i);
            ByteString creator = node.has("creator")
                    ? key(node.path("creator").asText(), "experiments[" + i + "].creator")
                    : state.members.get(0).getPubKey();
            if (!state.isMember(creator)) {
                throw new IllegalArgumentException("genesis experiments[" + i + "].creator " + Events.hex(creator) + " is not a member");
            }
            ExperimentRules.open(state, spec, creator, initialHeight, discarded);
        }
        return state;
    }

    private static JsonNode parse(byte[] appState) {
        try {
            JsonNode root = appState.length == 0 ? null : JSON.readTree(appState);
            if (root == null || !root.isObject()) {
                throw new IllegalArgumentException("genesis app_state must be a JSON object with members, params and experiments");
            }
            return root;
        } catch (IOException e) {
            throw new IllegalArgumentException("genesis app_state is not valid JSON: " + e.getMessage(), e);
        }
    }

    private static Params params(JsonNode node) {
        Params params = Params.newBuilder()
                .setAdmissionThresholdNum(uint32(node, "admission_threshold_num", 1, "params"))
                .setAdmissionThresholdDen(uint32(node, "admission_threshold_den", 2, "params"))
                .setAdmissionDeadlineBlocks(uint64(node, "admission_deadline_blocks", 30, "params"))
                .setMaxMissedDuties(uint32(node, "max_missed_duties", 3, "params"))
                .build();
        if (params.getAdmissionThresholdDen() == 0 || params.getAdmissionThresholdNum() > params.getAdmissionThresholdDen()) {
            throw new IllegalArgumentException("genesis params admission threshold " + params.getAdmissionThresholdNum() + "/"
                    + params.getAdmissionThresholdDen() + " is invalid: need den > 0 and num <= den");
        }
        if (params.getAdmissionDeadlineBlocks() < 1) {
            throw new IllegalArgumentException("genesis params.admission_deadline_blocks must be at least 1");
        }
        return params;
    }

    private static void addMember(LedgerState state, JsonNode node, int i, long height) {
        String field = "members[" + i + "]";
        ByteString key = key(node.path("pub_key").asText(""), field + ".pub_key");
        if (state.isMember(key)) {
            throw new IllegalArgumentException("genesis " + field + ".pub_key " + Events.hex(key) + " is listed twice");
        }
        String name = node.path("name").asText("");
        if (name.isEmpty() || name.length() > MembershipRules.MAX_NAME_CHARS) {
            throw new IllegalArgumentException("genesis " + field + ".name must have 1 to " + MembershipRules.MAX_NAME_CHARS + " characters");
        }
        state.putMember(Member.newBuilder()
                .setPubKey(key)
                .setName(name)
                .setEndpoint(node.path("endpoint").asText(""))
                .setActive(true)
                .setJoinedHeight(height)
                .build());
    }

    private static OpenExperiment experimentSpec(JsonNode node, int i) {
        String field = "experiments[" + i + "]";
        OpenExperiment spec = OpenExperiment.newBuilder()
                .setName(node.path("name").asText(""))
                .setModelSpecHash(hash(node.path("model_spec_hash").asText(""), field + ".model_spec_hash"))
                .setInitialWeightsHash(hash(node.path("initial_weights_hash").asText(""), field + ".initial_weights_hash"))
                .setThresholdNum(uint32(node, "threshold_num", 1, field))
                .setThresholdDen(uint32(node, "threshold_den", 2, field))
                .setProposalDeadlineBlocks(uint64(node, "proposal_deadline_blocks", 60, field))
                .setVoteDeadlineBlocks(uint64(node, "vote_deadline_blocks", 60, field))
                .setMaxRounds(uint32(node, "max_rounds", 0, field))
                .setCompetition(node.path("competition").asBoolean(false))
                .setTask(node.path("task").asText(""))
                .build();
        try {
            ExperimentRules.validate(spec);
        } catch (TxRejectedException e) {
            throw new IllegalArgumentException("genesis " + field + ": " + e.getMessage(), e);
        }
        return spec;
    }

    private static ByteString key(String hex, String field) {
        return bytes32(hex, field, "Ed25519 public key");
    }

    private static ByteString hash(String hex, String field) {
        return bytes32(hex, field, "SHA-256 hash");
    }

    private static ByteString bytes32(String hex, String field, String what) {
        try {
            byte[] bytes = HexFormat.of().parseHex(hex);
            if (bytes.length == 32) {
                return ByteString.copyFrom(bytes);
            }
        } catch (IllegalArgumentException e) {
            // reported below with the field name
        }
        throw new IllegalArgumentException("genesis " + field + " must be a " + what + " as 64 lowercase hex digits, got '" + hex + "'");
    }

    private static int uint32(JsonNode parent, String name, int fallback, String where) {
        long value = uint64(parent, name, fallback, where);
        if (value > 0xffffffffL) {
            throw new IllegalArgumentException("genesis " + where + "." + name + " must fit in 32 bits, got " + value);
        }
        return (int) value;
    }

    private static long uint64(JsonNode parent, String name, long fallback, String where) {
        JsonNode node = parent.path(name);
        if (node.isMissingNode() || node.isNull()) {
            return fallback;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() < 0) {
            throw new IllegalArgumentException("genesis " + where + "." + name + " must be a non-negative integer, got " + node);
        }
        return node.asLong();
    }
}
