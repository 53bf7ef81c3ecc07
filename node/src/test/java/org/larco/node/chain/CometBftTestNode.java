package org.larco.node.chain;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A single-validator CometBFT v0.38 node in a temporary home, on free loopback ports, connected to
 * an ABCI server at {@code abciPort}. The binary comes from {@code deploy/install-cometbft.sh},
 * which installs it when missing.
 */
final class CometBftTestNode {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Path binary;
    private final Path home;
    private final int abciPort;
    private final int rpcPort = freePort();
    private final int p2pPort = freePort();
    private Process process;

    private CometBftTestNode(Path binary, Path home, int abciPort) {
        this.binary = binary;
        this.home = home;
        this.abciPort = abciPort;
    }

    /** Initialises a home for {@code chainId} with {@code appStateJson} as genesis app_state; does not start it. */
    static CometBftTestNode create(Path home, int abciPort, String chainId, byte[] appStateJson) throws Exception {
        CometBftTestNode node = new CometBftTestNode(installedBinary(), home, abciPort);
        node.run(List.of(node.binary.toString(), "init", "--home", home.toString()));

        Path genesisFile = home.resolve("config/genesis.json");
        ObjectNode genesis = (ObjectNode) JSON.readTree(genesisFile.toFile());
        genesis.put("chain_id", chainId);
        genesis.set("app_state", JSON.readTree(appStateJson));
        JSON.writerWithDefaultPrettyPrinter().writeValue(genesisFile.toFile(), genesis);

        Path config = home.resolve("config/config.toml");
        String toml = Files.readString(config)
                .replace("timeout_commit = \"1s\"", "timeout_commit = \"100ms\"")
                .replace("timeout_propose = \"3s\"", "timeout_propose = \"500ms\"");
        Files.writeString(config, toml);
        return node;
    }

    URI rpcUri() {
        return URI.create("http://127.0.0.1:" + rpcPort);
    }

    int rpcPort() {
        return rpcPort;
    }

    /** Starts the node and waits until its RPC reports a first committed block. */
    void start() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(binary.toString(), "start", "--home", home.toString(),
                "--proxy_app", "tcp://127.0.0.1:" + abciPort,
                "--rpc.laddr", "tcp://127.0.0.1:" + rpcPort,
                "--p2p.laddr", "tcp://127.0.0.1:" + p2pPort);
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("cometbft.log").toFile()));
        process = builder.start();
        awaitRpc();
    }

    /** Stops the node with SIGTERM, then SIGKILL after 10 s. */
    void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        process = null;
    }

    private void awaitRpc() throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(rpcUri() + "/status")).timeout(Duration.ofSeconds(2))
                .build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("cometbft exited with " + process.exitValue() + "; see "
                        + home.resolve("cometbft.log"));
            }
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && !response.body().contains("\"latest_block_height\":\"0\"")) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("cometbft RPC at " + rpcUri() + " did not produce a block within "
                + START_TIMEOUT + "; see " + home.resolve("cometbft.log"));
    }

    private void run(List<String> command) throws Exception {
        Process init = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolveSibling("cometbft-init.log").toFile()))
                .start();
        if (!init.waitFor(60, TimeUnit.SECONDS) || init.exitValue() != 0) {
            throw new IllegalStateException("command failed: " + command);
        }
    }

    /** Runs the project's install script, which prints the binary's path after installing it when missing. */
    private static Path installedBinary() throws Exception {
        Path script = repositoryRoot().resolve("deploy/install-cometbft.sh");
        Process install = new ProcessBuilder("bash", script.toString()).redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String output = new String(install.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!install.waitFor(600, TimeUnit.SECONDS) || install.exitValue() != 0 || output.isEmpty()) {
            throw new IllegalStateException(script + " failed to install cometbft (exit "
                    + (install.isAlive() ? "timeout" : install.exitValue()) + ")");
        }
        String[] lines = output.split("\n");
        return Path.of(lines[lines.length - 1].trim());
    }

    private static Path repositoryRoot() {
        String configured = System.getProperty("larco.repoRoot");
        if (configured != null) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("deploy/install-cometbft.sh"))) {
                return dir;
            }
        }
        throw new IllegalStateException("deploy/install-cometbft.sh not found above " + Path.of("").toAbsolutePath()
                + "; run the tests from the repository or set -Dlarco.repoRoot");
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free loopback port", e);
        }
    }
}
