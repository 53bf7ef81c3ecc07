package org.larco.node.chain;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The embedded dev chain's pending transactions, in arrival order and keyed by tx hash so that a
 * byte-identical transaction is rejected, as CometBFT's mempool cache does. Not thread-safe: only
 * the dev chain's application worker touches it.
 */
final class Mempool {

    private final Map<String, ByteString> txsByHash = new LinkedHashMap<>();
    private final int maxTxs;

    Mempool(int maxTxs) {
        this.maxTxs = maxTxs;
    }

    boolean isFull() {
        return txsByHash.size() >= maxTxs;
    }

    boolean contains(String txHashHex) {
        return txsByHash.containsKey(txHashHex);
    }

    void add(String txHashHex, ByteString tx) {
        txsByHash.put(txHashHex, tx);
    }

    int size() {
        return txsByHash.size();
    }

    int maxTxs() {
        return maxTxs;
    }

    /** Returns the oldest transactions whose sizes add up to at most {@code maxBytes}. */
    List<ByteString> reap(long maxBytes) {
        List<ByteString> reaped = new ArrayList<>();
        long totalBytes = 0;
        for (ByteString tx : txsByHash.values()) {
            if (totalBytes + tx.size() > maxBytes) {
                break;
            }
            reaped.add(tx);
            totalBytes += tx.size();
        }
        return reaped;
    }

    void removeAll(Collection<String> txHashesHex) {
        txHashesHex.forEach(txsByHash::remove);
    }

    Iterator<Map.Entry<String, ByteString>> iterator() {
        return txsByHash.entrySet().iterator();
    }
}
