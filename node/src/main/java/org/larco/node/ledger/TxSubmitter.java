package org.larco.node.ledger;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayDeque;
import java.util.Queue;
import org.larco.node.chain.BroadcastResult;
import org.larco.node.chain.ChainClient;
import org.larco.protocol.keys.NodeKey;
import org.larco.protocol.tx.Transactions;
import org.larco.protocol.tx.TxBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs and broadcasts one member's transactions in order, with consecutive nonces.
 *
 * <p>Submissions are queued and sent one at a time, so nonces reach the mempool in order. A
 * rejection from CheckTx re-reads the account's nonce from the ledger before the next send, which
 * recovers from txs that were dropped or that another process sent with the same key. Not
 * thread-safe: call it from one Vert.x context.
 */
public final class TxSubmitter {

    private static final Logger log = LoggerFactory.getLogger(TxSubmitter.class);

    private final ChainClient chain;
    private final LedgerReader ledger;
    private final NodeKey key;
    private final String chainId;
    private final String memberName;
    private final Queue<Pending> queue = new ArrayDeque<>();
    private long nextNonce = -1;
    private boolean sending;

    public TxSubmitter(ChainClient chain, LedgerReader ledger, NodeKey key, String chainId, String memberName) {
        this.chain = chain;
        this.ledger = ledger;
        this.key = key;
        this.chainId = chainId;
        this.memberName = memberName;
    }

    /**
     * Queues a message for signing and broadcast; the body's chain id and nonce are filled in here.
     * The future fails when CheckTx rejects the tx, with the code and log in the message.
     */
    public Future<BroadcastResult> submit(TxBody.Builder body, String description) {
        Promise<BroadcastResult> promise = Promise.promise();
        queue.add(new Pending(body, description, promise));
        sendNext();
        return promise.future();
    }

    private void sendNext() {
        if (sending || queue.isEmpty()) {
            return;
        }
        sending = true;
        Pending pending = queue.poll();
        currentNonce()
                .compose(nonce -> broadcast(pending, nonce))
                .onComplete(result -> {
                    sending = false;
                    if (result.succeeded()) {
                        pending.promise().complete(result.result());
                    } else {
                        pending.promise().fail(result.cause());
                    }
                    sendNext();
                });
    }

    private Future<Long> currentNonce() {
        if (nextNonce >= 0) {
            return Future.succeededFuture(nextNonce);
        }
        return ledger.nonce(key.publicKey()).map(nonce -> {
            nextNonce = nonce.getNext();
            return nextNonce;
        });
    }

    private Future<BroadcastResult> broadcast(Pending pending, long nonce) {
        TxBody body = pending.body().setChainId(chainId).setNonce(nonce).build();
        byte[] tx = Transactions.encode(Transactions.sign(key, body));
        return chain.broadcastTxSync(tx).compose(result -> {
            if (result.code() == 0) {
                nextNonce = nonce + 1;
                log.debug("member={} sent {} nonce={} tx={}", memberName, pending.description(), nonce, result.txHashHex());
                return Future.succeededFuture(result);
            }
            nextNonce = -1;
            log.warn("member={} {} rejected by CheckTx: nonce={} code={} log={}",
                    memberName, pending.description(), nonce, result.code(), result.log());
            return Future.failedFuture(new TxRejectedException(pending.description(), result.code(), result.log()));
        }, failure -> {
            nextNonce = -1;
            return Future.failedFuture(failure);
        });
    }

    private record Pending(TxBody.Builder body, String description, Promise<BroadcastResult> promise) {
    }
}
