package org.larco.node.store;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** SHA-256 of blobs and validation of blob hashes written as hex. */
final class BlobHashes {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final HexFormat HEX = HexFormat.of();

    private BlobHashes() {
    }

    static String sha256Hex(byte[] blob) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(blob));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    static boolean isSha256Hex(String hex) {
        return hex != null && SHA256_HEX.matcher(hex.toLowerCase(Locale.ROOT)).matches();
    }

    /** Returns {@code hex} in lowercase, or throws when it is not 64 hex digits. */
    static String requireSha256Hex(String hex) {
        if (!isSha256Hex(hex)) {
            throw new IllegalArgumentException("invalid blob hash '" + abbreviate(hex)
                    + "': expected a SHA-256 as 64 hex digits");
        }
        return hex.toLowerCase(Locale.ROOT);
    }

    private static String abbreviate(String value) {
        if (value == null) {
            return "null";
        }
        return value.length() <= 80 ? value : value.substring(0, 80) + "...";
    }
}
