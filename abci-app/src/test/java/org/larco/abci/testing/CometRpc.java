package org.larco.abci.testing;

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
import java.util.HexFormat;

/** A minimal CometBFT JSON-RPC client for tests (java.net.http, loopback only). */
public final class CometRpc {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI uri;

    public CometRpc(int port) {
        this.uri = URI.create("http://127.0.0.1:" + port);
    }

    /** The result of abci_query: code, log, value and height. */
    public record QueryResult(int code, String log, byte[] value, long height) {
    }

    /** Calls {@code method} and returns its "result" object; throws on a JSON-RPC error. */
    public JsonNode call(String method, ObjectNode params) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode();
        body.put("jsonrpc", "2.0");
        body.put("id", 1);
        body.put("method", method);
        body.set("params", params);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        JsonNode response = JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
        if (response.has("error")) {
            throw new IOException(method + " failed: " + response.get("error"));
        }
        return response.get("result");
    }

    /** Sends a tx with broadcast_tx_sync and returns the CheckTx result (code, log, hash). */
    public JsonNode broadcastTxSync(byte[] tx) throws IOException, InterruptedException {
        ObjectNode params = JSON.createObjectNode();
        params.put("tx", Base64.getEncoder().encodeToString(tx));
        return call("broadcast_tx_sync", params);
    }

    public QueryResult abciQuery(String path) throws IOException, InterruptedException {
        ObjectNode params = JSON.createObjectNode();
        params.put("path", path);
        params.put("data", "");
        JsonNode response = call("abci_query", params).path("response");
        byte[] value = Base64.getDecoder().decode(response.path("value").asText(""));
        return new QueryResult(response.path("code").asInt(0), response.path("log").asText(""), value,
                Long.parseLong(response.path("height").asText("0")));
    }

    /** Returns the latest block height, or -1 while the node's RPC is not reachable. */
    public long latestHeight() throws InterruptedException {
        try {
            return Long.parseLong(call("status", JSON.createObjectNode()).path("sync_info").path("latest_block_height").asText("-1"));
        } catch (IOException e) {
            return -1;
        }
    }

    /** Returns the app hash in the header of block {@code height} (the state after block height - 1). */
    public byte[] headerAppHash(long height) throws IOException, InterruptedException {
        ObjectNode params = JSON.createObjectNode();
        params.put("height", Long.toString(height));
        String hex = call("block", params).path("block").path("header").path("app_hash").asText();
        return HexFormat.of().parseHex(hex.toLowerCase());
    }

    /** Returns abci_info's last block height and app hash, as the application reports them. */
    public JsonNode abciInfo() throws IOException, InterruptedException {
        return call("abci_info", JSON.createObjectNode()).path("response");
    }

    /** Waits until the chain reaches {@code height}; throws after {@code timeoutMs}. */
    public void awaitHeight(long height, long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000;
        while (latestHeight() < height) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("chain did not reach height " + height + " within " + timeoutMs + " ms");
            }
            Thread.sleep(100);
        }
    }
}
