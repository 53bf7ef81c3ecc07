package org.larco.node.store;

/**
 * Timeouts and retries of {@link BlobFetcher}.
 *
 * @param connectTimeoutMs how long to wait for a TCP connection to an endpoint
 * @param transferTimeoutMs how long one download, from request to last byte, may take
 * @param rounds how many times every endpoint is tried before the fetch fails
 * @param initialBackoffMs the pause after the first round that fails on every endpoint; it doubles after each round
 */
public record FetchPolicy(long connectTimeoutMs, long transferTimeoutMs, int rounds, long initialBackoffMs) {

    /** Five seconds to connect, one minute per transfer, three rounds with 0.5 s then 1 s of backoff. */
    public static final FetchPolicy DEFAULTS = new FetchPolicy(5_000, 60_000, 3, 500);

    public FetchPolicy {
        if (connectTimeoutMs < 1 || transferTimeoutMs < 1) {
            throw new IllegalArgumentException("timeouts must be at least 1 ms, got connect " + connectTimeoutMs
                    + " ms and transfer " + transferTimeoutMs + " ms");
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1, got " + rounds);
        }
        if (initialBackoffMs < 0) {
            throw new IllegalArgumentException("initial backoff must not be negative, got " + initialBackoffMs + " ms");
        }
    }
}
