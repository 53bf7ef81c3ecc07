package org.larco.abci.testing;

import java.util.ArrayList;
import java.util.List;
import org.larco.protocol.keys.NodeKey;

/** Reproducible member keys: member i's seed is the byte (i + 1) repeated, with i big-endian in its last 4 bytes. */
public final class TestKeys {

    private static final String[] NAMES = {"alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi"};

    private TestKeys() {
    }

    public static NodeKey key(int i) {
        byte[] seed = new byte[32];
        java.util.Arrays.fill(seed, (byte) (i + 1));
        java.nio.ByteBuffer.wrap(seed).putInt(28, i);
        String name = i < NAMES.length ? NAMES[i] : "member" + i;
        return NodeKey.fromSeed(name, seed);
    }

    public static List<NodeKey> keys(int count) {
        List<NodeKey> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            keys.add(key(i));
        }
        return keys;
    }
}
