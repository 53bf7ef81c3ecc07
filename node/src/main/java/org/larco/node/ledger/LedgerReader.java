package org.larco.node.ledger;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import io.vertx.core.Future;
import java.util.HexFormat;
import org.larco.node.chain.ChainClient;
import org.larco.node.chain.QueryResult;
import org.larco.protocol.tx.Experiment;
import org.larco.protocol.tx.ExperimentList;
import org.larco.protocol.tx.Leaderboard;
import org.larco.protocol.tx.MemberList;
import org.larco.protocol.tx.Nonce;
import org.larco.protocol.tx.PendingJoinList;
import org.larco.protocol.tx.Round;
import org.larco.protocol.tx.RoundList;

/** Typed reads of committed ledger state through the ABCI query paths. */
public final class LedgerReader {

    private final ChainClient chain;

    public LedgerReader(ChainClient chain) {
        this.chain = chain;
    }

    public Future<MemberList> members() {
        return read("/members", MemberList.parser());
    }

    public Future<PendingJoinList> pendingJoins() {
        return read("/pending", PendingJoinList.parser());
    }

    public Future<ExperimentList> experiments() {
        return read("/experiments", ExperimentList.parser());
    }

    public Future<Experiment> experiment(long id) {
        return read("/experiments/" + id, Experiment.parser());
    }

    public Future<RoundList> rounds(long experiment) {
        return read("/experiments/" + experiment + "/rounds", RoundList.parser());
    }

    public Future<Round> round(long experiment, long round) {
        return read("/experiments/" + experiment + "/rounds/" + round, Round.parser());
    }

    public Future<Nonce> nonce(byte[] publicKey) {
        return read("/accounts/" + HexFormat.of().formatHex(publicKey) + "/nonce", Nonce.parser());
    }

    public Future<Leaderboard> leaderboard(String task) {
        return read("/leaderboard/" + task, Leaderboard.parser());
    }

    private <T extends Message> Future<T> read(String path, Parser<T> parser) {
        return chain.query(path, new byte[0]).compose(result -> decode(path, result, parser));
    }

    private static <T extends Message> Future<T> decode(String path, QueryResult result, Parser<T> parser) {
        if (result.code() != 0) {
            return Future.failedFuture(new LedgerQueryException(path, result.code(), result.log()));
        }
        try {
            return Future.succeededFuture(parser.parseFrom(result.value()));
        } catch (InvalidProtocolBufferException e) {
            return Future.failedFuture(new LedgerQueryException(path, -1, "undecodable value: " + e.getMessage()));
        }
    }
}
