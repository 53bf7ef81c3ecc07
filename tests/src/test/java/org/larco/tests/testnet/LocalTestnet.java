package org.larco.tests.testnet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A testnet started by deploy/testnet in a directory of its own, plus any stakeholders started
 * next to it by deploy/join. {@link #close()} stops every process. A JVM shutdown hook does the
 * same when the test run exits before {@code close}, and the scripts' owner watchdog does it when
 * this JVM is killed outright.
 */
final class LocalTestnet implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalTestnet.class);
    private static final Duration UP_LIMIT = Duration.ofMinutes(4);
    private static final Duration DOWN_LIMIT = Duration.ofMinutes(1);
    /** Ports per stakeholder in the scripts' layout (p2p, rpc, abci, http, then spare). */
    private static final int PORT_STRIDE = 10;

    private final Path workDir;
    private final Path testnetDir;
    private final DeployScript script;
    private final List<Path> joinDirs = new ArrayList<>();
    private final Thread shutdownHook;
    private final int basePort;

    private LocalTestnet(Path workDir, DeployScript script, int basePort) {
        this.workDir = workDir;
        this.testnetDir = workDir.resolve("testnet");
        this.script = script;
        this.basePort = basePort;
        this.shutdownHook = new Thread(this::stopAll, "testnet-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Runs {@code deploy/testnet up} in a fresh directory under target/ with free loopback ports
     * for {@code stakeholders} stakeholders and one spare block per joiner.
     */
    static LocalTestnet up(int stakeholders, int spareBlocks, String... options) {
        Path repoRoot = DeployScript.repoRoot();
        Path workDir = repoRoot.resolve("tests/target/testnets/run-" + System.currentTimeMillis());
        Path larco = LarcoLauncher.write(workDir.resolve("bin"));
        int basePort = PortBlocks.freeBlock((stakeholders + spareBlocks) * PORT_STRIDE);
        LocalTestnet testnet = new LocalTestnet(workDir, new DeployScript(repoRoot, larco, workDir.resolve("script-logs")), basePort);

        List<String> args = new ArrayList<>(List.of("up", "--dir", testnet.testnetDir.toString(),
                "--base-port", Integer.toString(basePort), "--owner-pid", ownerPid()));
        args.addAll(List.of(options));
        try {
            testnet.script.run(UP_LIMIT, "testnet", args.toArray(String[]::new));
        } catch (RuntimeException e) {
            testnet.close();
            throw e;
        }
        return testnet;
    }

    /** Returns the first port of the spare block {@code index} (0-based) after the stakeholders'. */
    int spareBasePort(int index) {
        return basePort + (stakeholders().size() + index) * PORT_STRIDE;
    }

    List<Stakeholder> stakeholders() {
        return readStakeholders(testnetDir);
    }

    List<Stakeholder> validators() {
        return stakeholders().stream().filter(Stakeholder::validator).toList();
    }

    Path dir() {
        return testnetDir;
    }

    /** Runs deploy/join with the given options and returns the new stakeholder. */
    Stakeholder join(String name, int joinBasePort, String... options) {
        Path dir = workDir.resolve("join-" + name);
        joinDirs.add(dir);
        List<String> args = new ArrayList<>(List.of("--dir", dir.toString(), "--name", name,
                "--base-port", Integer.toString(joinBasePort), "--owner-pid", ownerPid()));
        args.addAll(List.of(options));
        script.run(UP_LIMIT, "join", args.toArray(String[]::new));
        return readStakeholders(dir).get(0);
    }

    String status() {
        return script.run(DOWN_LIMIT, "testnet", "status", "--dir", testnetDir.toString());
    }

    @Override
    public void close() {
        try {
            LOG.info("testnet status before stopping:\n{}", status());
        } catch (RuntimeException e) {
            LOG.warn("testnet status in {} failed before stopping", testnetDir, e);
        }
        stopAll();
        deleteDataKeepingLogs();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down and runs the hook itself.
        }
    }

    /** Stops joiners first, then the testnet. */
    private synchronized void stopAll() {
        for (Path dir : joinDirs) {
            down(dir);
        }
        down(testnetDir);
    }

    private void down(Path dir) {
        if (!Files.exists(dir.resolve("stakeholders"))) {
            return;
        }
        try {
            script.run(DOWN_LIMIT, "testnet", "down", "--dir", dir.toString());
        } catch (RuntimeException e) {
            LOG.error("stopping the processes in {} failed; stop them by the pid files in {}/run", dir, dir, e);
        }
    }

    /** Deletes the chain data, keys and blobs of every stopped stakeholder; logs/ stays for a post-mortem. */
    private void deleteDataKeepingLogs() {
        List<Path> dirs = new ArrayList<>(joinDirs);
        dirs.add(testnetDir);
        for (Path dir : dirs) {
            try (Stream<Path> entries = Files.list(dir)) {
                for (Path entry : entries.filter(e -> !e.getFileName().toString().equals("logs")).toList()) {
                    deleteRecursively(entry);
                }
            } catch (IOException e) {
                LOG.warn("cannot delete the data in {}; delete it by hand", dir, e);
            }
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path file : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** Returns this JVM's pid: the scripts' watchdog stops the processes if the test run dies. */
    private static String ownerPid() {
        return Long.toString(ProcessHandle.current().pid());
    }

    private static List<Stakeholder> readStakeholders(Path dir) {
        try (Stream<String> lines = Files.lines(dir.resolve("stakeholders"))) {
            return lines.filter(line -> !line.isBlank()).map(line -> Stakeholder.parse(dir, line)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir.resolve("stakeholders"), e);
        }
    }
}
