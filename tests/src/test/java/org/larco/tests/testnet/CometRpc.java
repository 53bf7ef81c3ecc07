package org.larco.tests.testnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/** A small JSON-RPC client for one CometBFT node's RPC (POST, as CometBFT v0.38 serves it). */
final class CometRpc {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final String url;

    CometRpc(String url) {
        this.url = url;
    }

    /** Result of abci_query: code 0 with the protobuf value, or a non-zero code with a log. */
    record QueryReply(int code, String log, byte[] value, long height) {
    }

    /** Result of broadcast_tx_sync, i.e. of CheckTx. */
    record BroadcastReply(int code, String log, String hash) {
    }

    String url() {
        return url;
    }

    long latestHeight() {
        return call("status", Map.of()).path("sync_info").path("latest_block_height").asLong();
    }

    String chainId() {
        return call("status", Map.of()).path("node_info").path("network").asText();
    }

    String nodeId() {
        return call("status", Map.of()).path("node_info").path("id").asText();
    }

    /** Returns the app hash in the header of block {@code height}, in lowercase hex. */
    String appHashAt(long height) {
        return header(height).path("app_hash").asText().toLowerCase();
    }

    String blockHashAt(long height) {
        JsonNode result = call("block", Map.of("height", Long.toString(height)));
        return result.path("block_id").path("hash").asText().toLowerCase();
    }

    QueryReply query(String path) {
        JsonNode response = call("abci_query", Map.of("path", path, "data", "", "prove", false)).path("response");
        String value = response.path("value").asText("");
        return new QueryReply(response.path("code").asInt(), response.path("log").asText(""),
                value.isEmpty() ? new byte[0] : Base64.getDecoder().decode(value), response.path("height").asLong());
    }

    BroadcastReply broadcastTxSync(byte[] tx) {
        JsonNode result = call("broadcast_tx_sync", Map.of("tx", Base64.getEncoder().encodeToString(tx)));
        return new BroadcastReply(result.path("code").asInt(), result.path("log").asText(""), result.path("hash").asText());
    }

    /** Returns the number of indexed txs that match a CometBFT event query. */
    int txSearchCount(String query) {
        return call("tx_search", Map.of("query", query, "per_page", "1")).path("total_count").asInt();
    }

    private JsonNode header(long height) {
        return call("block", Map.of("height", Long.toString(height))).path("block").path("header");
    }

    /** Sends one JSON-RPC request and returns its result, or throws with the RPC error. */
    JsonNode call(String method, Map<String, Object> params) {
        ObjectNode request = JSON.createObjectNode();
        request.put("jsonrpc", "2.0");
        request.put("id", 1);
        request.put("method", method);
        request.set("params", JSON.valueToTree(params));
        try {
            HttpRequest httpRequest = HttpRequest.newBuilder(URI.create(url))
                    .timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request)))
                    .build();
            HttpResponse<String> response = HTTP.send(httpRequest, HttpResponse.BodyHandlers.ofString());
            JsonNode body = JSON.readTree(response.body());
            if (body.has("error")) {
                throw new IllegalStateException(method + " at " + url + " failed: " + body.get("error"));
            }
            return body.path("result");
        } catch (IOException e) {
            throw new IllegalStateException(method + " at " + url + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + method + " at " + url, e);
        }
    }
}
