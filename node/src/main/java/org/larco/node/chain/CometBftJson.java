package org.larco.node.chain;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads CometBFT v0.38's RPC JSON: int64 values are JSON strings, and event attributes are plain
 * strings ({@code {"key":..., "value":..., "index":...}}), not base64 as in v0.34.
 */
final class CometBftJson {

    private CometBftJson() {
    }

    /** Reads an int64 that CometBFT writes as a string (and tolerates a plain number). */
    static long int64(JsonObject object, String key) {
        Object value = object.getValue(key);
        if (value == null) {
            throw new IllegalArgumentException("CometBFT JSON lacks field '" + key + "' in " + abbreviate(object));
        }
        return value instanceof Number number ? number.longValue() : Long.parseLong(value.toString());
    }

    /**
     * Builds a {@link NewBlock} from a {@code ResponseFinalizeBlock} in JSON, as carried by the
     * NewBlock event ({@code events}, {@code tx_results}) and by {@code block_results}
     * ({@code finalize_block_events}, {@code txs_results}).
     */
    static NewBlock newBlock(long height, JsonArray blockEvents, JsonArray txResults) {
        List<ChainEvent> events = new ArrayList<>(toChainEvents(blockEvents));
        if (txResults != null) {
            for (int i = 0; i < txResults.size(); i++) {
                JsonObject txResult = txResults.getJsonObject(i);
                if (txResult.getInteger("code", 0) == 0) {
                    events.addAll(toChainEvents(txResult.getJsonArray("events")));
                }
            }
        }
        return new NewBlock(height, List.copyOf(events));
    }

    /** Reads the {@code value} of a {@code tendermint/event/NewBlock} WebSocket event. */
    static NewBlock fromNewBlockEvent(JsonObject value) {
        long height = int64(value.getJsonObject("block").getJsonObject("header"), "height");
        JsonObject result = value.getJsonObject("result_finalize_block", new JsonObject());
        return newBlock(height, result.getJsonArray("events"), result.getJsonArray("tx_results"));
    }

    /** Reads the result of the {@code block_results} RPC call. */
    static NewBlock fromBlockResults(JsonObject result) {
        return newBlock(int64(result, "height"), result.getJsonArray("finalize_block_events"),
                result.getJsonArray("txs_results"));
    }

    private static List<ChainEvent> toChainEvents(JsonArray events) {
        if (events == null) {
            return List.of();
        }
        List<ChainEvent> converted = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            JsonObject event = events.getJsonObject(i);
            Map<String, String> attributes = new LinkedHashMap<>();
            JsonArray attributeArray = event.getJsonArray("attributes", new JsonArray());
            for (int j = 0; j < attributeArray.size(); j++) {
                JsonObject attribute = attributeArray.getJsonObject(j);
                attributes.put(attribute.getString("key", ""), attribute.getString("value", ""));
            }
            converted.add(new ChainEvent(event.getString("type", ""), Collections.unmodifiableMap(attributes)));
        }
        return converted;
    }

    private static String abbreviate(JsonObject object) {
        String text = object.encode();
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
