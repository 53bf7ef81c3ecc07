package org.larco.abci;

import com.google.protobuf.ByteString;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.larco.abci.ledger.Events;
import org.larco.protocol.tx.Transactions;
import org.larco.protocol.tx.Tx;

/**
 * The state-free validity check that CheckTx, PrepareProposal, ProcessProposal and FinalizeBlock
 * share: size, decoding, chain id and signature.
 *
 * <p>Verified signatures are remembered by the SHA-256 of the tx bytes (at most
 * {@value #CACHE_ENTRIES} entries), so a tx checked in CheckTx is not verified again in
 * ProcessProposal and FinalizeBlock. Verification is a pure function of the bytes, so the cache
 * cannot change a result. Thread-safe.
 */
final class TxCheck {

    /** Maximum size of one tx; LArCo's largest legitimate tx (OpenExperiment) is well under 1 KiB. */
    static final int MAX_TX_BYTES = 8 * 1024;
    static final int CACHE_ENTRIES = 100_000;

    private final Map<ByteString, Boolean> verified = Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<ByteString, Boolean> eldest) {
                    return size() > CACHE_ENTRIES;
                }
            });

    /** The outcome of the check: the decoded tx when code is OK, else a code and a log. */
    record Result(Tx tx, int code, String log) {

        boolean ok() {
            return code == ResultCodes.OK;
        }
    }

    Result check(byte[] bytes, String chainId) {
        if (bytes.length > MAX_TX_BYTES) {
            return reject(ResultCodes.TX_TOO_LARGE, "tx of " + bytes.length + " bytes rejected: the maximum is " + MAX_TX_BYTES);
        }
        Tx tx;
        try {
            tx = Transactions.decode(bytes);
        } catch (IllegalArgumentException e) {
            return reject(ResultCodes.MALFORMED_TX, e.getMessage());
        }
        String signer = Events.hex(tx.getSigner());
        if (!tx.getBody().getChainId().equals(chainId)) {
            return reject(ResultCodes.WRONG_CHAIN_ID, "tx from " + signer + " rejected: chain id '"
                    + tx.getBody().getChainId() + "', expected '" + chainId + "'");
        }
        if (!signatureValid(bytes, tx)) {
            return reject(ResultCodes.BAD_SIGNATURE, "tx from " + signer + " rejected: the Ed25519 signature does not verify");
        }
        return new Result(tx, ResultCodes.OK, "");
    }

    private boolean signatureValid(byte[] bytes, Tx tx) {
        ByteString digest = ByteString.copyFrom(sha256(bytes));
        if (verified.containsKey(digest)) {
            return true;
        }
        boolean valid = Transactions.verifySignature(tx);
        if (valid) {
            verified.put(digest, Boolean.TRUE);
        }
        return valid;
    }

    private static Result reject(int code, String log) {
        return new Result(null, code, log);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JDK", e);
        }
    }
}
