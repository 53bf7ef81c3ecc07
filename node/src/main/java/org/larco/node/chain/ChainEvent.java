package org.larco.node.chain;

import java.util.Map;

/**
 * One ABCI event, such as {@code round_open{experiment, round, proposer}}.
 *
 * @param type the event type
 * @param attributes the attributes by key, in the order the ledger emitted them
 */
public record ChainEvent(String type, Map<String, String> attributes) {
}
