package org.larco.node.chain;

import io.vertx.core.Future;
import java.util.function.Consumer;

/**
 * A node's connection to the LArCo ledger: broadcast transactions, query committed state and
 * receive the events of every new block.
 *
 * <p>Two implementations drive the same ledger: {@link CometBftClient} talks to a CometBFT v0.38
 * node over JSON-RPC and WebSocket, and {@link EmbeddedDevChain} produces blocks in-process. Every
 * future completes on the caller's Vert.x context, and no method blocks.
 */
public interface ChainClient {

    /**
     * Submits a signed transaction to the mempool and returns the result of CheckTx.
     *
     * <p>Completes with a non-zero code when CheckTx rejects the transaction. Fails when the
     * transaction never reached CheckTx: too large, mempool full, already in the mempool, or the
     * chain could not be reached.
     */
    Future<BroadcastResult> broadcastTxSync(byte[] tx);

    /** Reads committed state at one of the ledger's query paths, for example {@code /members}. */
    Future<QueryResult> query(String path, byte[] data);

    /** Returns the chain id, the latest committed height and app hash, and the validator set. */
    Future<ChainStatus> status();

    /**
     * Registers a listener that receives one {@link NewBlock} per committed height, in height
     * order, on the Vert.x event loop. Listeners must not block.
     */
    void onNewBlock(Consumer<NewBlock> listener);

    /** Stops block delivery and releases connections, files and threads. */
    Future<Void> close();
}
