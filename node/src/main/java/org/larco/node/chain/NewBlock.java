package org.larco.node.chain;

import java.util.List;

/**
 * The events of one committed block: first the block-level events of FinalizeBlock, then the
 * events of each transaction that succeeded (code 0), in transaction order. Events of rejected
 * transactions are left out.
 *
 * @param height the block height
 * @param events the block's events, possibly empty
 */
public record NewBlock(long height, List<ChainEvent> events) {
}
