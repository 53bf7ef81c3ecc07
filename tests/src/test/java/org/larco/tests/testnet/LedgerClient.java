package org.larco.tests.testnet;

import com.google.protobuf.InvalidProtocolBufferException;
import java.util.HexFormat;
import org.larco.protocol.keys.NodeKey;
import org.larco.protocol.tx.Experiment;
import org.larco.protocol.tx.MemberList;
import org.larco.protocol.tx.Nonce;
import org.larco.protocol.tx.PendingJoinList;
import org.larco.protocol.tx.Round;
import org.larco.protocol.tx.Transactions;
import org.larco.protocol.tx.TxBody;

/** Reads LArCo ledger state and submits signed txs through one CometBFT node's RPC. */
final class LedgerClient {

    private final CometRpc rpc;

    LedgerClient(CometRpc rpc) {
        this.rpc = rpc;
    }

    CometRpc rpc() {
        return rpc;
    }

    Experiment experiment(long id) {
        return parse("/experiments/" + id, Experiment::parseFrom);
    }

    Round round(long experiment, long round) {
        return parse("/experiments/" + experiment + "/rounds/" + round, Round::parseFrom);
    }

    MemberList members() {
        return parse("/members", MemberList::parseFrom);
    }

    PendingJoinList pending() {
        return parse("/pending", PendingJoinList::parseFrom);
    }

    long nextNonce(NodeKey key) {
        return parse("/accounts/" + key.publicKeyHex() + "/nonce", Nonce::parseFrom).getNext();
    }

    /** Signs {@code body} with {@code key} and sends it; returns CheckTx's reply. */
    CometRpc.BroadcastReply submit(NodeKey key, TxBody body) {
        return rpc.broadcastTxSync(Transactions.encode(Transactions.sign(key, body)));
    }

    static String hex(com.google.protobuf.ByteString bytes) {
        return HexFormat.of().formatHex(bytes.toByteArray());
    }

    private interface Parser<T> {
        T parse(byte[] bytes) throws InvalidProtocolBufferException;
    }

    private <T> T parse(String path, Parser<T> parser) {
        CometRpc.QueryReply reply = rpc.query(path);
        if (reply.code() != 0) {
            throw new IllegalStateException("query " + path + " at " + rpc.url() + " returned code "
                    + reply.code() + ": " + reply.log());
        }
        try {
            return parser.parse(reply.value());
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("query " + path + " at " + rpc.url() + " returned a malformed value", e);
        }
    }
}
