package org.larco.tests.web;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tiny {@code larco simulate --keep-serving} in a child JVM, started with this test JVM's
 * classpath and --add-opens flags. The first learner's node serves the status page and the API.
 */
final class SimulatedNode implements AutoCloseable {

    static final int LEARNERS = 3;
    static final int ROUNDS = 3;
    private static final Logger log = LoggerFactory.getLogger(SimulatedNode.class);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final Process process;
    private final int httpPort;
    private final Path logFile;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();

    private SimulatedNode(Process process, int httpPort, Path logFile) {
        this.process = process;
        this.httpPort = httpPort;
        this.logFile = logFile;
    }

    /** Starts the simulation; its output goes to `logFile`, its chain and blobs under `outDir`. */
    static SimulatedNode start(Path outDir, Path logFile) throws IOException {
        int port = freePortRange(LEARNERS);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx1536m");
        for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (argument.startsWith("--add-opens")) {
                command.add(argument);
            }
        }
        command.addAll(List.of("-cp", testClasspath(), "org.larco.node.cli.Larco", "simulate",
                "--learners", String.valueOf(LEARNERS),
                "--rounds", String.valueOf(ROUNDS),
                "--events-per-learner", "150",
                "--test-events-per-group", "30",
                "--epochs-per-round", "1",
                "--threads", "1",
                "--http-port", String.valueOf(port),
                "--out", outDir.toString(),
                "--keep-serving"));
        Files.createDirectories(logFile.getParent());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile())
                .start();
        // Stops the child even when the test JVM exits without running close(), e.g. after a timeout.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "stop-larco-simulate"));
        log.info("started larco simulate pid={} httpPort={} log={}", process.pid(), port, logFile);
        return new SimulatedNode(process, port, logFile);
    }

    /** Surefire puts the real classpath in surefire.test.class.path when java.class.path is a manifest jar. */
    private static String testClasspath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    private static int freePortRange(int count) throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            int first;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                first = socket.getLocalPort();
            }
            if (first + count - 1 <= 65535 && rangeFree(first + 1, count - 1)) {
                return first;
            }
        }
        throw new IOException("no range of " + count + " free loopback ports found after 20 attempts");
    }

    private static boolean rangeFree(int first, int count) {
        for (int port = first; port < first + count; port++) {
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + httpPort + "/";
    }

    /** GETs an API path (e.g. "api/status") and parses the JSON body; fails on a non-200 status. */
    JsonObject getJson(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(REQUEST_TIMEOUT).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + " returned HTTP " + response.statusCode() + ": " + response.body());
        }
        return new JsonObject(response.body());
    }

    /** Waits until GET /api/status responds; fails early with the log tail if the process exits. */
    void awaitHttp(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("larco simulate exited with code " + process.exitValue() + " before serving HTTP; log tail:\n" + logTail());
            }
            try {
                getJson("api/status");
                return;
            } catch (IOException e) {
                Thread.sleep(500);
            }
        }
        throw new IllegalStateException("larco simulate served no /api/status within " + timeout + "; log tail:\n" + logTail());
    }

    /** Waits until the experiment has `rounds` rounds, all closed, and returns /api/rounds. */
    JsonObject awaitClosedRounds(int rounds, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonObject latest = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("larco simulate exited with code " + process.exitValue() + "; log tail:\n" + logTail());
            }
            latest = getJson("api/rounds?experiment=1");
            long closed = latest.getJsonArray("rounds").stream()
                    .map(JsonObject.class::cast)
                    .filter(r -> List.of("ACCEPTED", "REJECTED", "MISSED").contains(r.getString("status")))
                    .count();
            if (closed >= rounds) {
                return latest;
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException(rounds + " closed rounds not reached within " + timeout + "; last /api/rounds: "
                + latest + "\nlog tail:\n" + logTail());
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(log " + logFile + " unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            log.warn("larco simulate pid={} ignored SIGTERM for 15 s; killing it", process.pid());
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
