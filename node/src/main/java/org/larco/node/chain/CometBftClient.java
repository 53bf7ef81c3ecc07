package org.larco.node.chain;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ChainClient} for a CometBFT v0.38 node: JSON-RPC over HTTP for broadcast, query and
 * status, and a WebSocket subscription to {@code tm.event='NewBlock'} for events.
 *
 * <p>A v0.38 NewBlock event carries the block's whole FinalizeBlock result, block-level and tx
 * events alike, so one subscription yields one complete {@link NewBlock} per height; a separate
 * {@code tm.event='Tx'} subscription would only repeat the tx events. When the WebSocket drops,
 * the client reconnects with exponential backoff, logging each attempt, and fetches the heights it
 * missed with {@code block_results}, so every height from the first one after {@link #connect} is
 * delivered once, in order, on this client's event loop. This class is thread-safe.
 *
 * <p>NOTE: a height whose {@code block_results} fails {@link BlockSequencer#MAX_FETCH_ATTEMPTS}
 * times (for example on a node that pruned it) is skipped with an error log, so its events are lost.
 */
public final class CometBftClient implements ChainClient {

    static final long INITIAL_RECONNECT_DELAY_MS = 250;
    static final long MAX_RECONNECT_DELAY_MS = 10_000;
    static final long BLOCK_FETCH_RETRY_MS = 1_000;
    /** A NewBlock event repeats every tx of the block; 64 MiB leaves room for CometBFT's 21 MiB default max block. */
    private static final int MAX_EVENT_BYTES = 64 * 1024 * 1024;
    /**
     * CometBFT's WebSocket server (rpc/jsonrpc/server/ws_handler.go) pings every 27 s, so 90 s
     * without a frame means the connection is dead.
     */
    private static final int WEBSOCKET_IDLE_TIMEOUT_SECONDS = 90;
    private static final String NEW_BLOCK_QUERY = "tm.event='NewBlock'";
    private static final String SUBSCRIBE_ID = "larco-new-block";
    private static final int VALIDATORS_PER_PAGE = 100;
    private static final Logger log = LoggerFactory.getLogger(CometBftClient.class);

    private final Vertx vertx;
    private final Context context;
    private final URI rpcBase;
    private final CometBftRpc rpc;
    private final WebSocketClient webSocketClient;
    private final List<Consumer<NewBlock>> listeners = new CopyOnWriteArrayList<>();
    private final BlockSequencer sequencer;

    private WebSocket webSocket;
    private boolean subscribed;
    private int reconnectAttempts;
    private long reconnectTimerId = -1;
    private volatile boolean closed;

    private CometBftClient(Vertx vertx, URI rpcBase) {
        this.vertx = vertx;
        this.context = vertx.getOrCreateContext();
        this.rpcBase = rpcBase;
        this.rpc = new CometBftRpc(vertx, rpcBase);
        this.webSocketClient = vertx.createWebSocketClient(new WebSocketClientOptions()
                .setMaxFrameSize(MAX_EVENT_BYTES).setMaxMessageSize(MAX_EVENT_BYTES).setConnectTimeout(5_000)
                .setIdleTimeout(WEBSOCKET_IDLE_TIMEOUT_SECONDS).setIdleTimeoutUnit(TimeUnit.SECONDS));
        this.sequencer = new BlockSequencer(vertx, rpcBase.toString(), this::fetchBlock, this::deliver,
                () -> subscribed, BLOCK_FETCH_RETRY_MS);
    }

    /**
     * Returns a client for the node whose RPC listens at {@code rpcBase} (for example
     * {@code http://127.0.0.1:26657}) and starts its WebSocket subscription in the background;
     * blocks are delivered from the first height committed after the subscription starts.
     */
    public static CometBftClient connect(Vertx vertx, URI rpcBase) {
        Objects.requireNonNull(vertx, "vertx");
        String scheme = rpcBase == null ? null : rpcBase.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme) || rpcBase.getHost() == null) {
            throw new IllegalArgumentException("invalid CometBFT RPC address '" + rpcBase
                    + "': expected http://host:port, for example http://127.0.0.1:26657");
        }
        CometBftClient client = new CometBftClient(vertx, rpcBase);
        log.info("connecting to CometBFT RPC at {}", rpcBase);
        client.context.runOnContext(v -> client.openWebSocket());
        return client;
    }

    @Override
    public Future<BroadcastResult> broadcastTxSync(byte[] tx) {
        if (tx == null || tx.length == 0) {
            return Future.failedFuture(new IllegalArgumentException("tx must not be empty"));
        }
        JsonObject params = new JsonObject().put("tx", Base64.getEncoder().encodeToString(tx));
        return rpc.call("broadcast_tx_sync", params).map(result -> new BroadcastResult(result.getInteger("code", 0),
                result.getString("log", ""), result.getString("hash", "").toLowerCase(Locale.ROOT)));
    }

    @Override
    public Future<QueryResult> query(String path, byte[] data) {
        Objects.requireNonNull(path, "path");
        JsonObject params = new JsonObject().put("path", path)
                .put("data", HexFormat.of().formatHex(data == null ? new byte[0] : data))
                .put("height", "0").put("prove", false);
        return rpc.call("abci_query", params).map(result -> {
            JsonObject response = result.getJsonObject("response", new JsonObject());
            String value = response.getString("value");
            byte[] bytes = value == null ? new byte[0] : Base64.getDecoder().decode(value);
            return new QueryResult(response.getInteger("code", 0), response.getString("log", ""), bytes,
                    CometBftJson.int64(response, "height"));
        });
    }

    @Override
    public Future<ChainStatus> status() {
        Future<JsonObject> status = rpc.call("status", new JsonObject());
        return status.compose(result -> validators(1, new ArrayList<>())).map(validators -> {
            JsonObject syncInfo = status.result().getJsonObject("sync_info");
            return new ChainStatus(status.result().getJsonObject("node_info").getString("network"),
                    CometBftJson.int64(syncInfo, "latest_block_height"),
                    syncInfo.getString("latest_app_hash", "").toLowerCase(Locale.ROOT), List.copyOf(validators),
                    "cometbft");
        });
    }

    @Override
    public void onNewBlock(Consumer<NewBlock> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public Future<Void> close() {
        closed = true;
        Promise<Void> done = Promise.promise();
        context.runOnContext(v -> {
            vertx.cancelTimer(reconnectTimerId);
            Future<Void> socketClosed = webSocket == null ? Future.succeededFuture() : webSocket.close();
            socketClosed.recover(failure -> Future.succeededFuture())
                    .compose(ignored -> webSocketClient.close())
                    .compose(ignored -> rpc.close())
                    .onComplete(result -> log.info("CometBFT client for {} closed", rpcBase))
                    .onComplete(done);
        });
        return done.future();
    }

    private Future<List<ValidatorInfo>> validators(int page, List<ValidatorInfo> collected) {
        JsonObject params = new JsonObject().put("page", Integer.toString(page))
                .put("per_page", Integer.toString(VALIDATORS_PER_PAGE));
        return rpc.call("validators", params).compose(result -> {
            JsonArray validators = result.getJsonArray("validators", new JsonArray());
            for (int i = 0; i < validators.size(); i++) {
                JsonObject validator = validators.getJsonObject(i);
                collected.add(new ValidatorInfo(validator.getString("address", "").toLowerCase(Locale.ROOT),
                        CometBftJson.int64(validator, "voting_power")));
            }
            long total = CometBftJson.int64(result, "total");
            if (collected.size() < total && !validators.isEmpty()) {
                return validators(page + 1, collected);
            }
            return Future.succeededFuture(collected);
        });
    }

    private Future<NewBlock> fetchBlock(long height) {
        JsonObject params = new JsonObject().put("height", Long.toString(height));
        return rpc.call("block_results", params).map(CometBftJson::fromBlockResults);
    }

    private void deliver(NewBlock block) {
        for (Consumer<NewBlock> listener : listeners) {
            try {
                listener.accept(block);
            } catch (RuntimeException e) {
                log.error("CometBFT {}: a NewBlock listener failed at height {}", rpcBase, block.height(), e);
            }
        }
    }

    private void openWebSocket() {
        if (closed) {
            return;
        }
        String scheme = "https".equals(rpcBase.getScheme()) ? "wss" : "ws";
        String path = rpcBase.getPath() == null ? "" : rpcBase.getPath().replaceAll("/+$", "");
        WebSocketConnectOptions options = new WebSocketConnectOptions()
                .setAbsoluteURI(scheme + "://" + rpcBase.getAuthority() + path + "/websocket")
                .setConnectTimeout(5_000);
        webSocketClient.connect(options).onComplete(result -> {
            if (result.failed()) {
                scheduleReconnect("connect failed: " + result.cause().getMessage());
                return;
            }
            onWebSocketOpen(result.result());
        });
    }

    private void onWebSocketOpen(WebSocket socket) {
        if (closed) {
            socket.close();
            return;
        }
        webSocket = socket;
        socket.textMessageHandler(text -> onMessage(socket, text));
        socket.exceptionHandler(failure -> log.warn("CometBFT {}: WebSocket error: {}", rpcBase, failure.getMessage()));
        socket.closeHandler(v -> onWebSocketClosed(socket));
        JsonObject subscribe = new JsonObject().put("jsonrpc", "2.0").put("id", SUBSCRIBE_ID).put("method", "subscribe")
                .put("params", new JsonObject().put("query", NEW_BLOCK_QUERY));
        socket.writeTextMessage(subscribe.encode());
    }

    private void onMessage(WebSocket socket, String text) {
        JsonObject message;
        try {
            message = new JsonObject(text);
        } catch (DecodeException e) {
            log.warn("CometBFT {}: ignoring a WebSocket message that is not JSON: {}", rpcBase, e.getMessage());
            return;
        }
        if (message.containsKey("error")) {
            log.warn("CometBFT {}: subscription error, reconnecting: {}", rpcBase, message.getValue("error"));
            socket.close();
            return;
        }
        JsonObject result = message.getJsonObject("result");
        if (result == null) {
            return;
        }
        JsonObject data = result.getJsonObject("data");
        if (data == null) {
            onSubscribed();
            return;
        }
        if ("tendermint/event/NewBlock".equals(data.getString("type"))) {
            onNewBlockEvent(data.getJsonObject("value"));
        }
    }

    private void onSubscribed() {
        subscribed = true;
        log.info("CometBFT {}: subscribed to {} after {} reconnect attempt(s)", rpcBase, NEW_BLOCK_QUERY,
                reconnectAttempts);
        reconnectAttempts = 0;
        rpc.call("status", new JsonObject()).onComplete(result -> {
            if (result.failed()) {
                log.warn("CometBFT {}: status after subscribing failed; missed heights are fetched at the next "
                        + "block: {}", rpcBase, result.cause().getMessage());
                return;
            }
            sequencer.onLatestHeight(CometBftJson.int64(result.result().getJsonObject("sync_info"),
                    "latest_block_height"));
        });
    }

    private void onNewBlockEvent(JsonObject value) {
        NewBlock block;
        try {
            block = CometBftJson.fromNewBlockEvent(value);
        } catch (RuntimeException e) {
            log.error("CometBFT {}: cannot read a NewBlock event, its height is fetched later: {}", rpcBase,
                    e.getMessage());
            return;
        }
        sequencer.onBlock(block);
    }

    private void onWebSocketClosed(WebSocket socket) {
        if (socket != webSocket) {
            return;
        }
        webSocket = null;
        subscribed = false;
        if (!closed) {
            scheduleReconnect("WebSocket closed");
        }
    }

    private void scheduleReconnect(String reason) {
        if (closed) {
            return;
        }
        reconnectAttempts++;
        long delayMs = Math.min(MAX_RECONNECT_DELAY_MS,
                INITIAL_RECONNECT_DELAY_MS << Math.min(reconnectAttempts - 1, 16));
        log.warn("CometBFT {}: {}; reconnect attempt {} in {} ms", rpcBase, reason, reconnectAttempts, delayMs);
        reconnectTimerId = vertx.setTimer(delayMs, id -> openWebSocket());
    }
}
