package org.larco.protocol.tx;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import org.larco.protocol.keys.NodeKey;

/**
 * Builds, signs, encodes and decodes LArCo transactions.
 *
 * <p>The wire form of a transaction is the protobuf encoding of {@link Tx}; its signature covers
 * {@link SignBytes#of(TxBody)}, so re-encoding a decoded Tx never invalidates it.
 */
public final class Transactions {

    private Transactions() {
    }

    /** Signs {@code body} with {@code key} and returns the transaction. */
    public static Tx sign(NodeKey key, TxBody body) {
        byte[] signature = key.sign(SignBytes.of(body));
        return Tx.newBuilder()
                .setBody(body)
                .setSigner(ByteString.copyFrom(key.publicKey()))
                .setSignature(ByteString.copyFrom(signature))
                .build();
    }

    /** Returns the bytes to broadcast. */
    public static byte[] encode(Tx tx) {
        return tx.toByteArray();
    }

    /**
     * Decodes transaction bytes.
     *
     * @throws IllegalArgumentException when the bytes are not a protobuf {@code Tx}, or lack a body,
     *     a message, a 32-byte signer or a 64-byte signature
     */
    public static Tx decode(byte[] bytes) {
        Tx tx;
        try {
            tx = Tx.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("malformed transaction (" + bytes.length
                    + " bytes): not a protobuf larco.v1.Tx: " + e.getMessage(), e);
        }
        if (!tx.hasBody() || tx.getBody().getMsgCase() == TxBody.MsgCase.MSG_NOT_SET) {
            throw new IllegalArgumentException("malformed transaction: body or message missing; "
                    + "set one of join, admit, open_experiment, propose, vote, resume");
        }
        if (tx.getSigner().size() != NodeKey.PUBLIC_KEY_BYTES) {
            throw new IllegalArgumentException("malformed transaction: signer must be a 32-byte Ed25519 public key, got "
                    + tx.getSigner().size() + " bytes");
        }
        if (tx.getSignature().size() != NodeKey.SIGNATURE_BYTES) {
            throw new IllegalArgumentException("malformed transaction: signature must be 64 bytes, got "
                    + tx.getSignature().size() + " bytes");
        }
        return tx;
    }

    /** Returns true when the signature of {@code tx} verifies under its signer's key. */
    public static boolean verifySignature(Tx tx) {
        return NodeKey.verify(tx.getSigner().toByteArray(), SignBytes.of(tx.getBody()), tx.getSignature().toByteArray());
    }

    public static TxBody join(String chainId, long nonce, Join join) {
        return base(chainId, nonce).setJoin(join).build();
    }

    public static TxBody admit(String chainId, long nonce, Admit admit) {
        return base(chainId, nonce).setAdmit(admit).build();
    }

    public static TxBody openExperiment(String chainId, long nonce, OpenExperiment spec) {
        return base(chainId, nonce).setOpenExperiment(spec).build();
    }

    public static TxBody propose(String chainId, long nonce, Propose propose) {
        return base(chainId, nonce).setPropose(propose).build();
    }

    public static TxBody vote(String chainId, long nonce, Vote vote) {
        return base(chainId, nonce).setVote(vote).build();
    }

    public static TxBody resume(String chainId, long nonce) {
        return base(chainId, nonce).setResume(Resume.getDefaultInstance()).build();
    }

    private static TxBody.Builder base(String chainId, long nonce) {
        return TxBody.newBuilder().setChainId(chainId).setNonce(nonce);
    }
}
