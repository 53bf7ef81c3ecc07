package org.larco.tests.testnet;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/** Finds blocks of consecutive free TCP ports on 127.0.0.1 for the testnet scripts. */
final class PortBlocks {

    // Below Linux's default ephemeral range (32768-60999), so outgoing connections of other
    // processes do not take a port between this check and the testnet's bind.
    private static final int LOWEST_BASE = 20_000;
    private static final int HIGHEST_BASE = 32_000;
    private static final int ATTEMPTS = 50;

    private PortBlocks() {
    }

    /**
     * Returns a base port such that {@code base .. base + size - 1} are all free right now.
     * Another process may still take one before the testnet binds it; the scripts then fail with
     * the port in their message.
     */
    static int freeBlock(int size) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(LOWEST_BASE / 10, HIGHEST_BASE / 10) * 10;
            if (allFree(base, size)) {
                return base;
            }
        }
        throw new IllegalStateException("found no block of " + size + " free ports on 127.0.0.1 between "
                + LOWEST_BASE + " and " + HIGHEST_BASE + " after " + ATTEMPTS + " attempts");
    }

    private static boolean allFree(int base, int size) {
        for (int port = base; port < base + size; port++) {
            if (!isFree(port)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
