package org.larco.node.chain;

/**
 * The outcome of CheckTx for one broadcast transaction.
 *
 * @param code 0 when the transaction entered the mempool, otherwise the ledger's rejection code
 * @param log the ledger's message, empty on success
 * @param txHashHex the transaction hash (SHA-256 of the tx bytes) in lowercase hex
 */
public record BroadcastResult(int code, String log, String txHashHex) {
}
