package org.larco.abci.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An external process started by a test, with its output in a log file; stopping sends SIGTERM first. */
public final class ManagedProcess implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ManagedProcess.class);

    private final String name;
    private final Process process;
    private final Path logFile;

    private ManagedProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    /** Starts {@code command}, appending stdout and stderr to {@code logFile}. */
    public static ManagedProcess start(String name, List<String> command, Path logFile) throws IOException {
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        log.info("started {} (pid {}): {}", name, process.pid(), String.join(" ", command));
        return new ManagedProcess(name, process, logFile);
    }

    /** Runs {@code command} to completion and returns its output; fails on a non-zero exit or after {@code timeoutS}. */
    public static String run(List<String> command, long timeoutS) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(timeoutS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("command timed out after " + timeoutS + " s: " + String.join(" ", command));
        }
        String text = new String(output, java.nio.charset.StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IOException("command exited with " + process.exitValue() + ": " + String.join(" ", command) + "\n" + text);
        }
        return text;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path logFile() {
        return logFile;
    }

    /** Returns the last {@code maxChars} characters of the log, for failure messages. */
    public String logTail(int maxChars) {
        try {
            String text = Files.readString(logFile);
            return text.length() <= maxChars ? text : text.substring(text.length() - maxChars);
        } catch (IOException e) {
            return "(log " + logFile + " unreadable: " + e.getMessage() + ")";
        }
    }

    /** Sends SIGTERM and waits up to 15 s, then kills the process. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                log.warn("{} (pid {}) ignored SIGTERM for 15 s; killing it", name, process.pid());
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        log.info("stopped {} (pid {})", name, process.pid());
    }
}
