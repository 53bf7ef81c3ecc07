package org.larco.node.chain;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.core.buffer.Buffer;
import java.net.URI;
import java.util.concurrent.atomic.AtomicLong;

/**
 * JSON-RPC 2.0 calls to a CometBFT node over HTTP POST. Every call fails with a
 * {@link CometBftRpcException} naming the method and the node when the node cannot be reached or
 * returns an error. Thread-safe.
 */
final class CometBftRpc {

    static final long CALL_TIMEOUT_MS = 10_000;

    private final WebClient client;
    private final String url;
    private final AtomicLong nextId = new AtomicLong(1);

    CometBftRpc(Vertx vertx, URI rpcBase) {
        this.client = WebClient.create(vertx, new WebClientOptions().setConnectTimeout(5_000));
        this.url = rpcBase.toString();
    }

    String url() {
        return url;
    }

    /** Calls {@code method} with {@code params} and returns the {@code result} object. */
    Future<JsonObject> call(String method, JsonObject params) {
        JsonObject request = new JsonObject().put("jsonrpc", "2.0").put("id", nextId.getAndIncrement())
                .put("method", method).put("params", params);
        return client.postAbs(url).timeout(CALL_TIMEOUT_MS).sendJsonObject(request)
                .recover(failure -> Future.failedFuture(new CometBftRpcException(method + " to CometBFT at " + url
                        + " failed: " + failure.getMessage(), failure)))
                .compose(response -> result(method, response));
    }

    Future<Void> close() {
        client.close();
        return Future.succeededFuture();
    }

    private Future<JsonObject> result(String method, HttpResponse<Buffer> response) {
        JsonObject body;
        try {
            body = response.bodyAsJsonObject();
        } catch (DecodeException e) {
            body = null;
        }
        if (body == null) {
            return Future.failedFuture(new CometBftRpcException(method + " to CometBFT at " + url + " failed: HTTP "
                    + response.statusCode() + " without a JSON-RPC body"));
        }
        JsonObject error = body.getJsonObject("error");
        if (error != null) {
            return Future.failedFuture(new CometBftRpcException(method + " to CometBFT at " + url + " failed: "
                    + error.getString("message", "error") + ": " + error.getValue("data", "")));
        }
        JsonObject result = body.getJsonObject("result");
        if (result == null) {
            return Future.failedFuture(new CometBftRpcException(method + " to CometBFT at " + url
                    + " returned neither result nor error"));
        }
        return Future.succeededFuture(result);
    }
}
