package org.larco.node.chain;

/**
 * The ledger's response to an ABCI query.
 *
 * @param code 0 when the path was found, otherwise the ledger's error code
 * @param log the ledger's message, empty on success
 * @param value the protobuf-encoded state message, empty when the code is non-zero
 * @param height the committed height the value was read at
 */
public record QueryResult(int code, String log, byte[] value, long height) {
}
