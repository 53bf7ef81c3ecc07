package org.larco.abci;

import org.larco.protocol.abci.RequestCheckTx;
import org.larco.protocol.abci.RequestFinalizeBlock;
import org.larco.protocol.abci.RequestInfo;
import org.larco.protocol.abci.RequestInitChain;
import org.larco.protocol.abci.RequestPrepareProposal;
import org.larco.protocol.abci.RequestProcessProposal;
import org.larco.protocol.abci.RequestQuery;
import org.larco.protocol.abci.ResponseCheckTx;
import org.larco.protocol.abci.ResponseCommit;
import org.larco.protocol.abci.ResponseFinalizeBlock;
import org.larco.protocol.abci.ResponseInfo;
import org.larco.protocol.abci.ResponseInitChain;
import org.larco.protocol.abci.ResponsePrepareProposal;
import org.larco.protocol.abci.ResponseProcessProposal;
import org.larco.protocol.abci.ResponseQuery;

/**
 * The ABCI 2.0 calls that LArCo's ledger handles, named after the protocol.
 *
 * <p>Both drivers call the same object: the socket server, on behalf of CometBFT, and the embedded
 * dev chain. Implementations are thread-safe, because CometBFT calls from its query, mempool and
 * consensus connections concurrently. No method throws on bad input: a malformed transaction gets
 * a non-zero code and a log message.
 */
public interface Application {

    /** Called on the query connection at start-up; returns the last committed height and app hash. */
    ResponseInfo info(RequestInfo request);

    /** Called once at height 0 with the genesis app_state; loads members and experiments. */
    ResponseInitChain initChain(RequestInitChain request);

    /** Reads committed state at one of the documented paths. */
    ResponseQuery query(RequestQuery request);

    /** Called by the mempool for new txs and, after each Commit, for the txs left (RECHECK). */
    ResponseCheckTx checkTx(RequestCheckTx request);

    /** Called on the block proposer only; returns the txs to include within max_tx_bytes. */
    ResponsePrepareProposal prepareProposal(RequestPrepareProposal request);

    /** Called on every validator for a proposed block; returns ACCEPT or REJECT, never UNKNOWN. */
    ResponseProcessProposal processProposal(RequestProcessProposal request);

    /** Executes a decided block: one result per tx, events, and the app hash of the staged state. */
    ResponseFinalizeBlock finalizeBlock(RequestFinalizeBlock request);

    /** Persists the state staged by the last FinalizeBlock (write, fsync, rename). */
    ResponseCommit commit();
}
