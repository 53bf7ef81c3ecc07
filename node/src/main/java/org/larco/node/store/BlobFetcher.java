package org.larco.node.store;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads weights blobs from members' blob servers into the local {@link BlobStore}.
 *
 * <p>Each endpoint is asked for {@code GET {endpoint}/blobs/{sha256}} in turn. A download is cut
 * off as soon as it exceeds the declared size (or the store's limit when the size is unknown), and
 * its SHA-256 is checked before anything is stored. When every endpoint fails, the fetcher waits
 * and tries them all again, a bounded number of rounds, then fails with every endpoint's reason.
 * Concurrent fetches of one blob share a single download. This class is thread-safe.
 */
public final class BlobFetcher {

    private static final Logger log = LoggerFactory.getLogger(BlobFetcher.class);

    private final Vertx vertx;
    private final BlobStore store;
    private final FetchPolicy policy;
    private final HttpClientAgent client;
    private final Map<String, Future<byte[]>> inFlight = new ConcurrentHashMap<>();

    public BlobFetcher(Vertx vertx, BlobStore store) {
        this(vertx, store, FetchPolicy.DEFAULTS);
    }

    public BlobFetcher(Vertx vertx, BlobStore store, FetchPolicy policy) {
        this.vertx = vertx;
        this.store = store;
        this.policy = policy;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, policy.connectTimeoutMs())));
    }

    /**
     * Returns the blob {@code sha256Hex}, from the local store when present, otherwise downloaded
     * from {@code endpoints} (base URLs such as {@code http://127.0.0.1:8081}) and stored. With no
     * endpoints it only reads the local store.
     *
     * @param expectedSize the declared size in bytes, or 0 when unknown
     */
    public Future<byte[]> fetch(String sha256Hex, long expectedSize, List<String> endpoints) {
        String hex;
        try {
            hex = BlobHashes.requireSha256Hex(sha256Hex);
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(e);
        }
        if (expectedSize < 0 || expectedSize > store.maxBlobBytes()) {
            return Future.failedFuture(new IllegalArgumentException("blob " + hex + " declares " + expectedSize
                    + " bytes; the accepted range is 1 to " + store.maxBlobBytes() + " bytes, or 0 when unknown"));
        }
        if (endpoints == null) {
            return Future.failedFuture(new IllegalArgumentException("endpoints must not be null; pass an empty list to read the local store only"));
        }

        Promise<byte[]> promise = Promise.promise();
        Future<byte[]> existing = inFlight.putIfAbsent(hex, promise.future());
        if (existing != null) {
            return existing;
        }
        List<String> endpointsCopy = List.copyOf(endpoints);
        vertx.executeBlocking(() -> store.get(hex), false)
                .compose(local -> fetchUnlessPresent(local, hex, expectedSize, endpointsCopy))
                .onComplete(result -> inFlight.remove(hex))
                .onComplete(promise);
        return promise.future();
    }

    /** Releases the HTTP client. */
    public Future<Void> close() {
        return client.close();
    }

    private Future<byte[]> fetchUnlessPresent(Optional<byte[]> local, String hex, long expectedSize,
            List<String> endpoints) {
        if (local.isPresent()) {
            return Future.succeededFuture(local.get());
        }
        if (endpoints.isEmpty()) {
            return Future.failedFuture(new BlobFetchException("blob " + hex + " is not in the local store and no endpoints were"
                    + " given to fetch it from; add a member's blob endpoint"));
        }
        Map<String, String> reasons = new LinkedHashMap<>();
        return tryEndpoint(hex, expectedSize, endpoints, 0, 0, reasons);
    }

    private Future<byte[]> tryEndpoint(String hex, long expectedSize, List<String> endpoints, int round, int index,
            Map<String, String> reasons) {
        String endpoint = endpoints.get(index);
        return downloadAndStore(hex, expectedSize, endpoint).recover(failure -> {
            String reason = failure.getMessage();
            reasons.put(endpoint, reason);
            log.warn("blob {}: fetch from {} failed (round {} of {}): {}", hex, endpoint, round + 1, policy.rounds(),
                    reason);
            if (index + 1 < endpoints.size()) {
                return tryEndpoint(hex, expectedSize, endpoints, round, index + 1, reasons);
            }
            if (round + 1 < policy.rounds()) {
                long backoffMs = policy.initialBackoffMs() << Math.min(round, 20);
                log.info("blob {}: every endpoint failed in round {}; retrying in {} ms", hex, round + 1, backoffMs);
                return delay(backoffMs).compose(v -> tryEndpoint(hex, expectedSize, endpoints, round + 1, 0, reasons));
            }
            return Future.failedFuture(new BlobFetchException(describeFailure(hex, endpoints, reasons)));
        });
    }

    private String describeFailure(String hex, List<String> endpoints, Map<String, String> reasons) {
        String perEndpoint = reasons.entrySet().stream()
                .map(entry -> entry.getKey() + ": " + entry.getValue())
                .collect(Collectors.joining("; "));
        return "blob " + hex + " not fetched from " + endpoints.size() + " endpoint(s) in " + policy.rounds()
                + " round(s): " + perEndpoint;
    }

    private Future<byte[]> downloadAndStore(String hex, long expectedSize, String endpoint) {
        long limit = expectedSize > 0 ? expectedSize : store.maxBlobBytes();
        return download(hex, endpoint, limit).compose(body -> {
            if (expectedSize > 0 && body.length() != expectedSize) {
                return Future.failedFuture(new IllegalStateException("size mismatch: received " + body.length()
                        + " bytes, declared " + expectedSize));
            }
            byte[] blob = body.getBytes();
            return vertx.executeBlocking(() -> {
                store.putVerified(hex, blob);
                return blob;
            }, false);
        });
    }

    private Future<Buffer> download(String hex, String endpoint, long limit) {
        RequestOptions options;
        try {
            options = new RequestOptions().setMethod(HttpMethod.GET)
                    .setAbsoluteURI(stripTrailingSlash(endpoint) + "/blobs/" + hex)
                    .setConnectTimeout(policy.connectTimeoutMs())
                    .setIdleTimeout(policy.transferTimeoutMs());
        } catch (RuntimeException e) {
            return Future.failedFuture(new IllegalArgumentException("invalid endpoint URL '" + endpoint + "': "
                    + e.getMessage()));
        }
        Promise<Buffer> body = Promise.promise();
        long timerId = vertx.setTimer(policy.transferTimeoutMs(), id -> body.tryFail(new IllegalStateException(
                "timed out after " + policy.transferTimeoutMs() + " ms")));
        client.request(options)
                .compose(request -> {
                    request.exceptionHandler(failure -> body.tryFail(describe(failure)));
                    body.future().onFailure(failure -> request.reset());
                    return request.send();
                })
                .onSuccess(response -> receive(response, limit, body))
                .onFailure(failure -> body.tryFail(describe(failure)));
        return body.future().onComplete(done -> vertx.cancelTimer(timerId));
    }

    /** Reads the response body into {@code body}, failing it (which resets the request) past {@code limit} bytes. */
    private static void receive(HttpClientResponse response, long limit, Promise<Buffer> body) {
        response.exceptionHandler(failure -> body.tryFail(describe(failure)));
        if (response.statusCode() != 200) {
            body.tryFail(new IllegalStateException("HTTP " + response.statusCode() + " " + response.statusMessage()));
            return;
        }
        String contentLength = response.getHeader("Content-Length");
        if (contentLength != null && parseLength(contentLength) > limit) {
            body.tryFail(new IllegalStateException("Content-Length " + contentLength + " exceeds the limit of " + limit
                    + " bytes"));
            return;
        }
        Buffer received = Buffer.buffer();
        response.handler(chunk -> {
            if (received.length() + (long) chunk.length() > limit) {
                body.tryFail(new IllegalStateException("body exceeds the limit of " + limit + " bytes"));
                return;
            }
            received.appendBuffer(chunk);
        });
        response.endHandler(v -> body.tryComplete(received));
    }

    private static long parseLength(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static Throwable describe(Throwable failure) {
        String message = failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName();
        return new IllegalStateException(message, failure);
    }

    private Future<Void> delay(long ms) {
        if (ms <= 0) {
            return Future.succeededFuture();
        }
        Promise<Void> promise = Promise.promise();
        vertx.setTimer(ms, id -> promise.complete());
        return promise.future();
    }

    private static String stripTrailingSlash(String endpoint) {
        return endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
    }
}
