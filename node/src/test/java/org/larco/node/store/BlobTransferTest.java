package org.larco.node.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.junit5.VertxExtension;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** BlobRoutes serving one store over real HTTP and BlobFetcher filling another. */
@ExtendWith(VertxExtension.class)
class BlobTransferTest {

    private static final FetchPolicy QUICK = new FetchPolicy(1_000, 5_000, 2, 10);

    @TempDir
    Path serverHome;
    @TempDir
    Path clientHome;

    private Vertx vertx;
    private BlobStore served;
    private BlobStore local;
    private HttpServer server;
    private String endpoint;
    private BlobFetcher fetcher;
    private final byte[] blob = randomBytes(100_000, 1);

    @BeforeEach
    void startServer(Vertx vertx) throws Exception {
        this.vertx = vertx;
        served = BlobStore.open(serverHome.resolve("blobs"));
        local = BlobStore.open(clientHome.resolve("blobs"));
        Router router = Router.router(vertx);
        new BlobRoutes(served).mount(router);
        byte[] otherBytes = randomBytes(blob.length, 2);
        router.get("/wrong/blobs/:sha256").handler(ctx -> ctx.response().end(Buffer.buffer(otherBytes)));
        router.get("/huge/blobs/:sha256").handler(ctx -> ctx.response().end(Buffer.buffer(new byte[blob.length * 3])));
        router.get("/chunked/blobs/:sha256").handler(ctx -> {
            ctx.response().setChunked(true);
            ctx.response().write(Buffer.buffer(new byte[blob.length]));
            ctx.response().end(Buffer.buffer(new byte[blob.length]));
        });
        server = await(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
        endpoint = "http://127.0.0.1:" + server.actualPort();
        fetcher = new BlobFetcher(vertx, local, QUICK);
    }

    @AfterEach
    void stopServer() throws Exception {
        await(fetcher.close());
        await(server.close());
    }

    @Test
    void fetchRoundTripStoresVerifiedBlob() throws Exception {
        String hex = served.put(blob);

        byte[] fetched = await(fetcher.fetch(hex, blob.length, List.of(endpoint)));

        assertArrayEquals(blob, fetched);
        assertArrayEquals(blob, local.get(hex).orElseThrow());
    }

    @Test
    void fetchWithoutEndpointsReadsLocalStore() throws Exception {
        String hex = local.put(blob);

        byte[] fetched = await(fetcher.fetch(hex, 0, List.of()));

        assertArrayEquals(blob, fetched);
    }

    @Test
    void fetchWithoutEndpointsFailsWhenMissing() {
        String hex = served.put(blob);

        ExecutionException failure = assertThrows(ExecutionException.class, () -> await(fetcher.fetch(hex, 0, List.of())));

        assertTrue(failure.getCause().getMessage().contains(hex), failure.getCause().getMessage());
        assertTrue(local.get(hex).isEmpty());
    }

    @Test
    void fetchWithUnknownSizeSucceeds() throws Exception {
        String hex = served.put(blob);

        byte[] fetched = await(fetcher.fetch(hex, 0, List.of(endpoint)));

        assertArrayEquals(blob, fetched);
    }

    @Test
    void hashMismatchIsRejectedAndNothingStored() throws Exception {
        String hex = BlobHashes.sha256Hex(blob);

        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> await(fetcher.fetch(hex, blob.length, List.of(endpoint + "/wrong"))));

        assertTrue(failure.getCause().getMessage().contains("hash mismatch"), failure.getCause().getMessage());
        assertFalse(local.has(hex));
    }

    @Test
    void oversizeContentLengthIsRejected() throws Exception {
        String hex = BlobHashes.sha256Hex(blob);

        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> await(fetcher.fetch(hex, blob.length, List.of(endpoint + "/huge"))));

        assertTrue(failure.getCause().getMessage().contains("exceeds the limit of " + blob.length),
                failure.getCause().getMessage());
        assertFalse(local.has(hex));
    }

    @Test
    void oversizeChunkedBodyIsCutOff() throws Exception {
        String hex = BlobHashes.sha256Hex(blob);

        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> await(fetcher.fetch(hex, blob.length, List.of(endpoint + "/chunked"))));

        assertTrue(failure.getCause().getMessage().contains("body exceeds the limit of " + blob.length),
                failure.getCause().getMessage());
    }

    @Test
    void unreachableEndpointThenGoodOneSucceeds() throws Exception {
        String hex = served.put(blob);

        byte[] fetched = await(fetcher.fetch(hex, blob.length, List.of(unusedEndpoint(), endpoint)));

        assertArrayEquals(blob, fetched);
    }

    @Test
    void allEndpointsBadNamesEachInFailure() throws Exception {
        String hex = BlobHashes.sha256Hex(blob);
        String unreachable = unusedEndpoint();
        List<String> endpoints = List.of(unreachable, endpoint + "/wrong", endpoint);

        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> await(fetcher.fetch(hex, blob.length, endpoints)));
        String message = failure.getCause().getMessage();

        assertTrue(failure.getCause() instanceof BlobFetchException, failure.getCause().toString());
        assertTrue(message.contains(unreachable + ": "), message);
        assertTrue(message.contains(endpoint + "/wrong: blob hash mismatch"), message);
        assertTrue(message.contains(endpoint + ": HTTP 404"), message);
        assertTrue(message.contains("in 2 round(s)"), message);
    }

    @Test
    void declaredSizeOverStoreLimitFailsFast() throws Exception {
        String hex = BlobHashes.sha256Hex(blob);

        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> await(fetcher.fetch(hex, local.maxBlobBytes() + 1, List.of(endpoint))));

        assertTrue(failure.getCause().getMessage().contains("declares " + (local.maxBlobBytes() + 1) + " bytes"),
                failure.getCause().getMessage());
    }

    @Test
    void invalidHashFailsFast() throws Exception {
        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> await(fetcher.fetch("not-a-hash", 10, List.of(endpoint))));

        assertTrue(failure.getCause() instanceof IllegalArgumentException, failure.getCause().toString());
    }

    @Test
    void routesAnswerGetWithBytesAndLength() throws Exception {
        String hex = served.put(blob);

        Reply reply = await(request(HttpMethod.GET, "/blobs/" + hex));
        HttpClientResponse response = reply.response();
        Buffer body = reply.body();

        assertEquals(200, response.statusCode());
        assertEquals("application/octet-stream", response.getHeader("Content-Type"));
        assertEquals(Integer.toString(blob.length), response.getHeader("Content-Length"));
        assertArrayEquals(blob, body.getBytes());
    }

    @Test
    void routesAnswerHeadWithLengthOnly() throws Exception {
        String hex = served.put(blob);

        Reply reply = await(request(HttpMethod.HEAD, "/blobs/" + hex));
        HttpClientResponse response = reply.response();
        Buffer body = reply.body();

        assertEquals(200, response.statusCode());
        assertEquals(Integer.toString(blob.length), response.getHeader("Content-Length"));
        assertEquals(0, body.length());
    }

    @Test
    void routesAnswerMissingWith404() throws Exception {
        Reply reply = await(request(HttpMethod.GET, "/blobs/" + "0".repeat(64)));

        assertEquals(404, reply.response().statusCode());
    }

    @Test
    void routesAnswerMalformedHashWith400() throws Exception {
        Reply reply = await(request(HttpMethod.GET, "/blobs/xyz"));
        Buffer body = reply.body();

        assertEquals(400, reply.response().statusCode());
        assertTrue(body.toString().contains("invalid blob hash 'xyz'"), body.toString());
    }

    private Future<Reply> request(HttpMethod method, String path) {
        HttpClientAgent client = vertx.createHttpClient();
        return client.request(method, server.actualPort(), "127.0.0.1", path)
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> new Reply(response, body)))
                .eventually(client::close);
    }

    private record Reply(HttpClientResponse response, Buffer body) {
    }

    private static String unusedEndpoint() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
    }

    private static byte[] randomBytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
