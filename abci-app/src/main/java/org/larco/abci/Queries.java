package org.larco.abci;

import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import java.util.HexFormat;
import org.larco.abci.ledger.LedgerState;
import org.larco.protocol.abci.ResponseQuery;
import org.larco.protocol.tx.Experiment;
import org.larco.protocol.tx.ExperimentList;
import org.larco.protocol.tx.Leaderboard;
import org.larco.protocol.tx.MemberList;
import org.larco.protocol.tx.Nonce;
import org.larco.protocol.tx.PendingJoinList;
import org.larco.protocol.tx.Round;
import org.larco.protocol.tx.RoundList;

/**
 * Serves ABCI queries from a committed state. The value is a protobuf message (see the paths in
 * this module's README) and the height is the state's height. Data in the request is ignored.
 */
final class Queries {

    private Queries() {
    }

    static ResponseQuery answer(LedgerState state, String path) {
        String[] parts = path.startsWith("/") ? path.substring(1).split("/", -1) : new String[] {""};
        try {
            return switch (parts[0]) {
                case "members" -> (parts.length == 1) ? found(state, MemberList.newBuilder().addAllMembers(state.members()).build()) : unknown(path);
                case "pending" -> (parts.length == 1) ? found(state, PendingJoinList.newBuilder().addAllPending(state.pending()).build()) : unknown(path);
                case "experiments" -> experiments(state, parts, path);
                case "accounts" -> account(state, parts, path);
                case "leaderboard" -> leaderboard(state, parts, path);
                default -> unknown(path);
            };
        } catch (NumberFormatException e) {
            return failure(ResultCodes.QUERY_BAD_ARGUMENT, "query " + path + ": expected a decimal id, " + e.getMessage());
        }
    }

    private static ResponseQuery experiments(LedgerState state, String[] parts, String path) {
        if (parts.length == 1) {
            return found(state, ExperimentList.newBuilder().addAllExperiments(state.experiments()).build());
        }
        long id = Long.parseUnsignedLong(parts[1]);
        Experiment experiment = state.experiment(id);
        if (experiment == null) {
            return failure(ResultCodes.QUERY_NOT_FOUND, "query " + path + ": experiment " + id + " not found");
        }
        if (parts.length == 2) {
            return found(state, experiment);
        }
        if (parts.length == 3 && parts[2].equals("head")) {
            return foundBytes(state, experiment.getHead());
        }
        if (!parts[2].equals("rounds") || parts.length > 4) {
            return unknown(path);
        }
        if (parts.length == 3) {
            return found(state, RoundList.newBuilder().addAllRounds(state.rounds(id)).build());
        }
        long number = Long.parseUnsignedLong(parts[3]);
        Round round = state.round(id, number);
        if (round == null) {
            return failure(ResultCodes.QUERY_NOT_FOUND, "query " + path + ": experiment " + id + " has no round " + number
                    + " (current round " + experiment.getCurrentRound() + ")");
        }
        return found(state, round);
    }

    private static ResponseQuery account(LedgerState state, String[] parts, String path) {
        if (parts.length != 3 || !parts[2].equals("nonce")) {
            return unknown(path);
        }
        byte[] key;
        try {
            key = HexFormat.of().parseHex(parts[1]);
        } catch (IllegalArgumentException e) {
            key = new byte[0];
        }
        if (key.length != 32) {
            return failure(ResultCodes.QUERY_BAD_ARGUMENT, "query " + path + ": the account must be a 32-byte public key as 64 hex digits");
        }
        return found(state, Nonce.newBuilder().setNext(state.nextNonce(ByteString.copyFrom(key))).build());
    }

    private static ResponseQuery leaderboard(LedgerState state, String[] parts, String path) {
        if (parts.length != 2 || parts[1].isEmpty()) {
            return unknown(path);
        }
        Leaderboard board = state.leaderboard(parts[1]);
        if (board == null) {
            return failure(ResultCodes.QUERY_NOT_FOUND, "query " + path + ": no leaderboard for task '" + parts[1] + "'");
        }
        return found(state, board);
    }


    private static ResponseQuery found(LedgerState state, Message value) {
        return foundBytes(state, value.toByteString());
    }

    private static ResponseQuery foundBytes(LedgerState state, ByteString value) {
        return ResponseQuery.newBuilder().setCode(ResultCodes.OK).setValue(value).setHeight(state.height()).build();
    }

    private static ResponseQuery unknown(String path) {
        return failure(ResultCodes.QUERY_UNKNOWN_PATH, "unknown query path '" + path + "'; use /members, /pending, /experiments, "
                + "/experiments/{id}, /experiments/{id}/head, /experiments/{id}/rounds, /experiments/{id}/rounds/{round}, "
                + "/accounts/{hex public key}/nonce or /leaderboard/{task}");
    }

    private static ResponseQuery failure(int code, String log) {
        return ResponseQuery.newBuilder().setCode(code).setLog(log).build();
    }
}
