package org.larco.tests.testnet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs one of the deploy/ scripts to completion, with a time limit and its output in a log file. */
final class DeployScript {

    private static final Logger LOG = LoggerFactory.getLogger(DeployScript.class);
    private static final int TAIL_LINES = 40;

    private final Path repoRoot;
    private final Path larco;
    private final Path logDir;

    DeployScript(Path repoRoot, Path larco, Path logDir) {
        this.repoRoot = repoRoot;
        this.larco = larco;
        this.logDir = logDir;
    }

    static Path repoRoot() {
        Path root = Path.of(System.getProperty("larco.repo.root", "..")).toAbsolutePath().normalize();
        if (!Files.isExecutable(root.resolve("deploy/testnet"))) {
            throw new IllegalStateException("deploy/testnet not found under " + root
                    + "; run the tests with Maven from the repository, which sets larco.repo.root");
        }
        return root;
    }

    /**
     * Runs {@code deploy/<script> args...} and returns its output.
     *
     * @throws IllegalStateException when it exits non-zero or runs past {@code limit}; the
     *     message carries the last lines of its output
     */
    String run(Duration limit, String script, String... args) {
        List<String> command = new ArrayList<>();
        command.add(repoRoot.resolve("deploy").resolve(script).toString());
        command.addAll(List.of(args));
        Path log = logDir.resolve(script + "-" + System.nanoTime() + ".log");
        LOG.info("running {} (output in {})", command, log);
        try {
            Files.createDirectories(logDir);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(repoRoot.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.put("LARCO", larco.toString());
            env.putIfAbsent("NODE_JAVA_OPTS", "-Xmx768m");
            env.putIfAbsent("LARCO_LOG_LEVEL", "INFO");
            Process process = builder.start();
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new IllegalStateException(command + " timed out after " + limit + ":\n" + tail(log));
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(command + " failed with exit code " + process.exitValue()
                        + ":\n" + tail(log));
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
    }
}
