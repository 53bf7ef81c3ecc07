package org.larco.node.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A node's configuration, read from YAML by {@link NodeConfigLoader}.
 *
 * @param name the member name announced on the ledger
 * @param keyFile Ed25519 key file written by {@code larco keys new}
 * @param home folder for the blob store and node state
 * @param httpHost address the HTTP API binds to
 * @param httpPort HTTP port; 0 picks a free one
 * @param advertisedEndpoint base URL other members fetch blobs from
 * @param chain ledger connection settings
 * @param data where the node's private data comes from
 * @param learner training settings
 * @param token bearer token for the endpoints that change something; empty disables them
 */
public record NodeConfig(
        String name,
        Path keyFile,
        Path home,
        String httpHost,
        int httpPort,
        Optional<String> advertisedEndpoint,
        ChainSettings chain,
        DataSettings data,
        LearnerSettings learner,
        Optional<String> token) {

    /** Ledger connection settings. */
    public record ChainSettings(ChainMode mode, URI rpc, String chainId, Optional<Path> genesisFile) {
    }

    /** Ledger transport: a CometBFT node's RPC, or the single-process dev chain. */
    public enum ChainMode {
        COMETBFT,
        EMBEDDED
    }

    /** Either a generated data set (preset, events, seed) or an HDF5 file. */
    public record DataSettings(String preset, int events, long seed, Optional<Path> dataset) {
    }

    /** Training settings; the budget of one proposal is {@code epochsPerRound} passes over the train split. */
    public record LearnerSettings(int epochsPerRound, int batchSize, long seed) {
    }
}
