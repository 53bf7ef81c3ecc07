package org.larco.node.http;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Server-sent events for the status page: {@code block} on each new height and {@code round} when
 * a round changes status. Used from the HTTP server's event loop only.
 */
final class EventStream {

    /** More open streams than this get 503, so a misbehaving client cannot exhaust the node. */
    private static final int MAX_STREAMS = 64;

    private final Set<HttpServerResponse> streams = new LinkedHashSet<>();

    void open(RoutingContext ctx) {
        if (streams.size() >= MAX_STREAMS) {
            HttpApi.sendError(ctx, 503, "too many open event streams (" + MAX_STREAMS + "); retry later");
            return;
        }
        HttpServerResponse response = ctx.response()
                .setChunked(true)
                .putHeader("Content-Type", "text/event-stream")
                .putHeader("Cache-Control", "no-store");
        response.write(": connected\n\n");
        streams.add(response);
        response.closeHandler(ignored -> streams.remove(response));
        response.exceptionHandler(ignored -> streams.remove(response));
    }

    void publish(String event, JsonObject data) {
        String frame = "event: " + event + "\ndata: " + data.encode() + "\n\n";
        for (HttpServerResponse response : Set.copyOf(streams)) {
            if (response.closed() || response.writeQueueFull()) {
                streams.remove(response);
                response.reset();
            } else {
                response.write(frame);
            }
        }
    }

    void closeAll() {
        for (HttpServerResponse response : Set.copyOf(streams)) {
            response.end();
        }
        streams.clear();
    }
}
