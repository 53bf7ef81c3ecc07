package org.larco.abci;

/** Block size accounting as CometBFT does it for PrepareProposal's max_tx_bytes. */
final class BlockSize {

    private BlockSize() {
    }

    /**
     * Returns the bytes one tx takes in a block's data: the tx, its one-byte protobuf field tag and
     * the varint of its length (CometBFT v0.38 types.ComputeProtoSizeForTxs).
     */
    static long txCost(int txBytes) {
        return txBytes + 1L + varintSize(txBytes);
    }

    static int varintSize(long value) {
        int size = 1;
        while ((value & ~0x7fL) != 0) {
            value >>>= 7;
            size++;
        }
        return size;
    }
}
