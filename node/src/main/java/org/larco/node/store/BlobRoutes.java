package org.larco.node.store;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Path;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the blob store read-only: {@code GET} and {@code HEAD /blobs/:sha256}. Responds 400 for a
 * malformed hash, 404 for a missing blob, and 200 with {@code application/octet-stream} and
 * {@code Content-Length} otherwise. The file is streamed from disk, never loaded whole.
 */
public final class BlobRoutes {

    private static final Logger log = LoggerFactory.getLogger(BlobRoutes.class);

    private final BlobStore store;

    public BlobRoutes(BlobStore store) {
        this.store = store;
    }

    /** Adds the GET and HEAD routes to {@code router}. */
    public void mount(Router router) {
        router.route(HttpMethod.GET, "/blobs/:sha256").handler(this::serve);
        router.route(HttpMethod.HEAD, "/blobs/:sha256").handler(this::serve);
    }

    private void serve(RoutingContext ctx) {
        String hash = ctx.pathParam("sha256");
        HttpServerResponse response = ctx.response();
        if (!BlobHashes.isSha256Hex(hash)) {
            response.setStatusCode(400).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8")
                    .end("invalid blob hash '" + hash + "': expected a SHA-256 as 64 hex digits\n");
            return;
        }
        Path file = store.pathOf(hash);
        ctx.vertx().fileSystem().props(file.toString()).onComplete(props -> {
            if (props.failed() || !props.result().isRegularFile()) {
                response.setStatusCode(404).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8")
                        .end("blob " + hash + " not found\n");
                return;
            }
            response.putHeader(HttpHeaders.CONTENT_TYPE, "application/octet-stream")
                    .putHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=31536000, immutable")
                    .putHeader(HttpHeaders.ETAG, "\"" + hash.toLowerCase(Locale.ROOT) + "\"");
            if (ctx.request().method() == HttpMethod.HEAD) {
                response.putHeader(HttpHeaders.CONTENT_LENGTH, Long.toString(props.result().size())).end();
                return;
            }
            response.sendFile(file.toString()).onFailure(failure -> log.error("blob {}: sending {} failed: {}", hash,
                    file, failure.getMessage()));
        });
    }
}
