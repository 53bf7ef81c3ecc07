package org.larco.tests.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback HTTP server that serves the status page from the web-ui jar on the classpath and
 * fixed JSON for the API routes, so the page's rendering can be tested without a node. Its
 * /api/stream sends a {@code block} event with the next height every {@value #BLOCK_INTERVAL_MS} ms,
 * and each {@code round} event queued with {@link #sendRoundEvent} once to every open stream.
 */
final class PageFixtureServer implements AutoCloseable {

    static final long BLOCK_INTERVAL_MS = 300;
    private static final String PAGE_ROOT = "larco-web/";
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, JsonObject> routes = new ConcurrentHashMap<>();
    private final List<String> roundFrames = new CopyOnWriteArrayList<>();
    private final AtomicLong height;
    private volatile boolean closed;

    private PageFixtureServer(HttpServer server, long startHeight) {
        this.server = server;
        this.height = new AtomicLong(startHeight);
    }

    /** Starts on a free loopback port; `routes` maps an API path (query ignored) to its JSON. */
    static PageFixtureServer start(Map<String, JsonObject> routes, long startHeight) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        PageFixtureServer fixture = new PageFixtureServer(http, startHeight);
        fixture.routes.putAll(routes);
        http.setExecutor(fixture.executor);
        http.createContext("/", fixture::handle);
        http.start();
        return fixture;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    long height() {
        return height.get();
    }

    /** Replaces the JSON served at an API path and returns the previous body, or null if there was none. */
    JsonObject setRoute(String path, JsonObject body) {
        return routes.put(path, body);
    }

    /** Sends a {@code round} event with `data` to every stream that is open now or opens later. */
    void sendRoundEvent(JsonObject data) {
        roundFrames.add("event: round\ndata: " + data.encode() + "\n\n");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/api/stream")) {
                stream(exchange);
            } else if (routes.containsKey(path)) {
                JsonObject body = routes.get(path);
                if (path.equals("/api/status")) {
                    body = body.copy().put("height", height.get());
                }
                send(exchange, 200, "application/json", body.encode().getBytes(StandardCharsets.UTF_8));
            } else {
                servePage(exchange, path);
            }
        }
    }

    private void servePage(HttpExchange exchange, String path) throws IOException {
        String file = path.equals("/") ? "index.html" : path.substring(1);
        if (file.contains("..")) {
            send(exchange, 400, "text/plain", "invalid path".getBytes(StandardCharsets.UTF_8));
            return;
        }
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(PAGE_ROOT + file)) {
            if (in == null) {
                send(exchange, 404, "text/plain", ("not found: " + path).getBytes(StandardCharsets.UTF_8));
                return;
            }
            String extension = file.substring(file.lastIndexOf('.') + 1);
            send(exchange, 200, CONTENT_TYPES.getOrDefault(extension, "application/octet-stream"), in.readAllBytes());
        }
    }

    private void stream(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        int roundFramesSent = 0;
        try {
            while (!closed) {
                StringBuilder frames = new StringBuilder();
                for (; roundFramesSent < roundFrames.size(); roundFramesSent++) {
                    frames.append(roundFrames.get(roundFramesSent));
                }
                frames.append("event: block\ndata: {\"height\":").append(height.incrementAndGet()).append("}\n\n");
                out.write(frames.toString().getBytes(StandardCharsets.UTF_8));
                out.flush();
                Thread.sleep(BLOCK_INTERVAL_MS);
            }
        } catch (IOException e) {
            // The browser closed the stream; nothing to clean up.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    @Override
    public void close() {
        closed = true;
        server.stop(0);
        executor.shutdownNow();
    }
}
