package org.larco.abci.testing;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 of labels, standing in for weight blob hashes in tests. */
public final class Hashes {

    private Hashes() {
    }

    public static byte[] of(String label) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(label.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ByteString bytes(String label) {
        return ByteString.copyFrom(of(label));
    }
}
