package org.larco.node.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import org.larco.node.chain.ChainClient;
import org.larco.node.daemon.LocalHistory;
import org.larco.node.ledger.LedgerReader;
import org.larco.node.store.BlobRoutes;
import org.larco.protocol.tx.Member;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's HTTP server: the JSON API behind the status page, server-sent events, Prometheus
 * metrics, the blob server and the page itself.
 *
 * <p>Everything is read-only except the routes under {@code /api/admin/}, which require the
 * configured bearer token and are disabled when no token is set.
 */
public final class HttpApi {

    private static final Logger log = LoggerFactory.getLogger(HttpApi.class);
    private static final long MAX_REQUEST_BODY_BYTES = 64 * 1024;

    private final Vertx vertx;
    private final NodeIdentity identity;
    private final ChainClient chain;
    private final LedgerReader ledger;
    private final LocalHistory history;
    private final ModelViews modelViews;
    private final BlobRoutes blobRoutes;
    private final PrometheusMeterRegistry registry;
    private final Optional<String> token;
    private final AdminActions adminActions;
    private final EventStream eventStream;
    private HttpServer server;

    /** Identity of this node, as shown on the page. */
    public record NodeIdentity(String name, String pubKeyHex) {
    }

    public HttpApi(
            Vertx vertx,
            NodeIdentity identity,
            ChainClient chain,
            LedgerReader ledger,
            LocalHistory history,
            ModelViews modelViews,
            BlobRoutes blobRoutes,
            PrometheusMeterRegistry registry,
            Optional<String> token,
            AdminActions adminActions) {
        this.vertx = vertx;
        this.identity = identity;
        this.chain = chain;
        this.ledger = ledger;
        this.history = history;
        this.modelViews = modelViews;
        this.blobRoutes = blobRoutes;
        this.registry = registry;
        this.token = token.filter(t -> !t.isBlank());
        this.adminActions = adminActions;
        this.eventStream = new EventStream();
    }

    /** Starts listening; port 0 picks a free port, which {@link #port()} then returns. */
    public Future<HttpApi> start(String host, int port) {
        Router router = Router.router(vertx);
        router.route().handler(ctx -> {
            ctx.response().putHeader("X-Content-Type-Options", "nosniff");
            ctx.next();
        });
        router.get("/api/status").handler(this::status);
        router.get("/api/rounds").handler(this::rounds);
        router.get("/api/scores").handler(this::scores);
        router.get("/api/learners").handler(this::learners);
        router.get("/api/leaderboard").handler(this::leaderboard);
        router.get("/api/model").handler(ctx -> modelViews.model().onSuccess(json -> sendJson(ctx, json)).onFailure(ctx::fail));
        router.get("/api/events").handler(this::events);
        router.get("/api/stream").handler(eventStream::open);
        router.get("/metrics").handler(PrometheusScrapingHandler.create(registry));
        router.post("/api/admin/*").handler(BodyHandler.create().setBodyLimit(MAX_REQUEST_BODY_BYTES));
        router.post("/api/admin/*").handler(this::requireToken);
        router.post("/api/admin/experiments").handler(this::openExperiment);
        blobRoutes.mount(router);
        router.route("/*").method(HttpMethod.GET).method(HttpMethod.HEAD)
                .handler(StaticHandler.create("larco-web").setCachingEnabled(false));
        router.route().last().handler(ctx -> sendError(ctx, 404, "no route for " + ctx.request().method() + " " + ctx.normalizedPath()));
        router.route().failureHandler(this::failure);

        return vertx.createHttpServer()
                .requestHandler(router)
                .listen(port, host)
                .recover(failure -> Future.failedFuture(failure instanceof java.net.BindException
                        ? new IllegalArgumentException("HTTP port " + port + " on " + host + " is not available ("
                                + failure.getMessage() + "); choose another port, or 0 for a free one", failure)
                        : failure))
                .map(listening -> {
                    server = listening;
                    log.info("node={} HTTP API listening on http://{}:{}", identity.name(), host, listening.actualPort());
                    return this;
                });
    }

    public int port() {
        return server.actualPort();
    }

    public Future<Void> close() {
        eventStream.closeAll();
        return server == null ? Future.succeededFuture() : server.close();
    }

    /** Sends a server-sent event to every open stream. */
    public void publish(String event, JsonObject data) {
        eventStream.publish(event, data);
    }

    private void status(RoutingContext ctx) {
        chain.status()
                .compose(chainStatus -> ledger.members().compose(members -> ledger.experiments().map(experiments -> {
                    JsonArray memberJson = new JsonArray();
                    members.getMembersList().forEach(m -> memberJson.add(JsonViews.member(m)));
                    JsonArray experimentJson = new JsonArray();
                    experiments.getExperimentsList().forEach(e -> experimentJson.add(JsonViews.experiment(e)));
                    return JsonViews.status(chainStatus, identity.name(), identity.pubKeyHex(), memberJson, experimentJson);
                })))
                .onSuccess(json -> sendJson(ctx, json))
                .onFailure(ctx::fail);
    }

    private void rounds(RoutingContext ctx) {
        long experiment = experimentParameter(ctx);
        if (experiment < 0) {
            return;
        }
        ledger.members()
                .compose(members -> ledger.rounds(experiment).map(rounds -> {
                    Map<String, String> names = JsonViews.namesByKey(members);
                    JsonArray learners = new JsonArray();
                    members.getMembersList().forEach(m -> learners.add(m.getName()));
                    JsonArray roundJson = new JsonArray();
                    rounds.getRoundsList().forEach(r -> roundJson.add(JsonViews.round(r, names)));
                    return new JsonObject().put("experiment", experiment).put("learners", learners).put("rounds", roundJson);
                }))
                .onSuccess(json -> sendJson(ctx, json))
                .onFailure(ctx::fail);
    }

    private void scores(RoutingContext ctx) {
        long experiment = experimentParameter(ctx);
        if (experiment < 0) {
            return;
        }
        ledger.members()
                .compose(members -> ledger.rounds(experiment).map(rounds ->
                        ScoreViews.scores(experiment, identity.name(), members, rounds, history)))
                .onSuccess(json -> sendJson(ctx, json))
                .onFailure(ctx::fail);
    }

    private void learners(RoutingContext ctx) {
        ledger.members()
                .map(members -> {
                    JsonArray learners = new JsonArray();
                    for (Member member : members.getMembersList()) {
                        learners.add(JsonViews.member(member).put("local", member.getName().equals(identity.name())));
                    }
                    return new JsonObject().put("learners", learners);
                })
                .onSuccess(json -> sendJson(ctx, json))
                .onFailure(ctx::fail);
    }

    private void leaderboard(RoutingContext ctx) {
        String task = ctx.queryParams().get("task");
        if (task == null || !task.matches("[A-Za-z0-9_.-]{1,64}")) {
            sendError(ctx, 400, "invalid task '" + task + "': send ?task= with 1 to 64 letters, digits, '.', '_' or '-'");
            return;
        }
        ledger.members()
                .compose(members -> ledger.leaderboard(task).map(board -> JsonViews.leaderboard(board, JsonViews.namesByKey(members))))
                .onSuccess(json -> sendJson(ctx, json))
                .onFailure(ctx::fail);
    }

    private void events(RoutingContext ctx) {
        String limitText = ctx.queryParams().get("limit");
        int limit = 6;
        if (limitText != null) {
            try {
                limit = Integer.parseInt(limitText);
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > 50) {
                sendError(ctx, 400, "invalid limit '" + limitText + "': use a whole number from 1 to 50");
                return;
            }
        }
        modelViews.events(limit).onSuccess(json -> sendJson(ctx, json)).onFailure(ctx::fail);
    }

    private void requireToken(RoutingContext ctx) {
        if (token.isEmpty()) {
            sendError(ctx, 403, "admin endpoints are disabled: set 'token' in the node config to enable them");
            return;
        }
        String header = Optional.ofNullable(ctx.request().getHeader("Authorization")).orElse("");
        byte[] presented = header.startsWith("Bearer ") ? header.substring(7).getBytes(StandardCharsets.UTF_8) : new byte[0];
        if (!MessageDigest.isEqual(presented, token.get().getBytes(StandardCharsets.UTF_8))) {
            log.warn("node={} rejected admin request {} from {}: missing or wrong bearer token",
                    identity.name(), ctx.normalizedPath(), ctx.request().remoteAddress());
            sendError(ctx, 401, "missing or wrong bearer token; send 'Authorization: Bearer <token>'");
            return;
        }
        ctx.next();
    }

    private void openExperiment(RoutingContext ctx) {
        JsonObject body;
        try {
            body = ctx.body().asJsonObject();
        } catch (RuntimeException e) {
            sendError(ctx, 400, "request body is not a JSON object: " + e.getMessage());
            return;
        }
        if (body == null) {
            sendError(ctx, 400, "missing JSON body; send e.g. {\"name\":\"run-2\",\"maxRounds\":10}");
            return;
        }
        try {
            adminActions.openExperiment(body)
                    .onSuccess(json -> {
                        ctx.response().setStatusCode(202);
                        sendJson(ctx, json);
                    })
                    .onFailure(e -> sendError(ctx, 422, e.getMessage()));
        } catch (IllegalArgumentException e) {
            sendError(ctx, 400, e.getMessage());
        }
    }

    private long experimentParameter(RoutingContext ctx) {
        String text = ctx.queryParams().get("experiment");
        if (text == null) {
            return 1;
        }
        try {
            long id = Long.parseLong(text);
            if (id >= 1) {
                return id;
            }
        } catch (NumberFormatException e) {
            // Falls through to the 400 below.
        }
        sendError(ctx, 400, "invalid experiment '" + text + "': use an experiment id, a whole number >= 1");
        return -1;
    }

    private void failure(RoutingContext ctx) {
        int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
        Throwable failure = ctx.failure();
        String message = failure == null ? "request failed" : failure.getMessage();
        if (failure instanceof org.larco.node.ledger.LedgerQueryException) {
            status = 404;
        } else if (status >= 500) {
            log.warn("node={} {} {} failed: {}", identity.name(), ctx.request().method(), ctx.normalizedPath(), String.valueOf(failure));
        }
        sendError(ctx, status, message);
    }

    static void sendJson(RoutingContext ctx, JsonObject json) {
        ctx.response()
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .end(json.encode());
    }

    static void sendError(RoutingContext ctx, int status, String message) {
        if (ctx.response().ended()) {
            return;
        }
        ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .end(new JsonObject().put("error", message).encode());
    }

    /** Operations behind the token-protected endpoints. */
    public interface AdminActions {

        /** Opens an experiment from a JSON request; throws IllegalArgumentException for a bad field. */
        Future<JsonObject> openExperiment(JsonObject request);
    }

    /** Views of this node's current model on its own test set. */
    public interface ModelViews {

        Future<JsonObject> model();

        Future<JsonObject> events(int limit);
    }
}
