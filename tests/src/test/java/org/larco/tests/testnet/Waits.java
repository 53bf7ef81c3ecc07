package org.larco.tests.testnet;

import java.time.Duration;
import java.util.function.Supplier;

/** Bounded polling for conditions on live processes. */
final class Waits {

    private static final long POLL_INTERVAL_MS = 500;

    private Waits() {
    }

    /**
     * Polls {@code condition} until it returns true or {@code limit} passes. Exceptions thrown by
     * the condition count as false, so a process that is still starting does not end the wait.
     *
     * @throws AssertionError naming {@code description} and the last exception when the limit passes
     */
    static void until(Duration limit, String description, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        RuntimeException lastError = null;
        while (System.nanoTime() < deadline) {
            try {
                if (condition.get()) {
                    return;
                }
            } catch (RuntimeException e) {
                lastError = e;
            }
            sleep();
        }
        String cause = lastError == null ? "" : " (last error: " + lastError.getMessage() + ")";
        throw new AssertionError("timed out after " + limit.toSeconds() + " s waiting for " + description + cause);
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_INTERVAL_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while polling", e);
        }
    }
}
