package org.larco.node.chain;

/**
 * One validator of the chain.
 *
 * @param address the validator address (20 bytes) in lowercase hex
 * @param power the voting power
 */
public record ValidatorInfo(String address, long power) {
}
