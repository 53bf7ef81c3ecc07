package org.larco.node.chain;

import java.util.List;

/**
 * A snapshot of the chain a client is connected to.
 *
 * @param chainId the chain id that transactions must sign
 * @param latestHeight the latest committed height
 * @param appHashHex the app hash after that height, in lowercase hex
 * @param validators the current validator set
 * @param mode {@code "embedded"} for the in-process dev chain, {@code "cometbft"} for a CometBFT node
 */
public record ChainStatus(String chainId, long latestHeight, String appHashHex, List<ValidatorInfo> validators,
        String mode) {
}
