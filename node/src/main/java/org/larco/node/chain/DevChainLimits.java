package org.larco.node.chain;

/**
 * Size limits of the embedded dev chain's mempool and blocks.
 *
 * @param maxMempoolTxs the max number of txs in the mempool; further broadcasts are rejected
 * @param maxTxBytes the largest transaction accepted by a broadcast
 * @param maxBlockTxBytes the total transaction bytes offered to PrepareProposal per block
 */
public record DevChainLimits(int maxMempoolTxs, int maxTxBytes, long maxBlockTxBytes) {

    /** CometBFT v0.38's defaults for mempool size and tx size, with 4 MiB of txs per block. */
    public static final DevChainLimits DEFAULTS = new DevChainLimits(5000, 1024 * 1024, 4L * 1024 * 1024);

    public DevChainLimits {
        if (maxMempoolTxs < 1) {
            throw new IllegalArgumentException("maxMempoolTxs must be at least 1, got " + maxMempoolTxs);
        }
        if (maxTxBytes < 1) {
            throw new IllegalArgumentException("maxTxBytes must be at least 1, got " + maxTxBytes);
        }
        if (maxBlockTxBytes < maxTxBytes) {
            throw new IllegalArgumentException("maxBlockTxBytes (" + maxBlockTxBytes
                    + ") must be at least maxTxBytes (" + maxTxBytes + ") so that every accepted tx fits a block");
        }
    }
}
