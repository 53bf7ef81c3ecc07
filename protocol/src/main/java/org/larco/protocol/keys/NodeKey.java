package org.larco.protocol.keys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * An Ed25519 signing key of a LArCo node, with the JDK's own Ed25519 provider.
 *
 * <p>Key file format (UTF-8 JSON, mode 0600):
 * {@code {"name":"alice","public_key":"<64 hex>","private_key":"<64 hex>"}}, where
 * {@code private_key} is the 32-byte RFC 8032 seed and {@code public_key} the raw 32-byte key.
 * Instances are immutable and thread-safe.
 */
public final class NodeKey {

    public static final int PUBLIC_KEY_BYTES = 32;
    public static final int SIGNATURE_BYTES = 64;

    // DER prefixes of the X.509 and PKCS#8 encodings of an Ed25519 key (RFC 8410); the raw
    // 32-byte key follows each prefix.
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(
            PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final byte[] publicKey;
    private final byte[] seed;
    private final PrivateKey privateKey;

    private NodeKey(String name, byte[] publicKey, byte[] seed) {
        this.name = name;
        this.publicKey = publicKey.clone();
        this.seed = seed.clone();
        this.privateKey = privateKeyFromSeed(seed);
    }

    /** Generates a fresh key pair with an empty name. */
    public static NodeKey generate() {
        return generate("");
    }

    /** Generates a fresh key pair for the node called {@code name}. */
    public static NodeKey generate(String name) {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            byte[] pub = lastBytes(pair.getPublic().getEncoded(), PUBLIC_KEY_BYTES);
            byte[] seed = lastBytes(pair.getPrivate().getEncoded(), PUBLIC_KEY_BYTES);
            return new NodeKey(name, pub, seed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available in this JDK: " + e.getMessage(), e);
        }
    }

    /**
     * Derives the key pair of a 32-byte RFC 8032 seed. The same seed always gives the same key, so
     * tests and benchmarks use it for reproducible members.
     */
    public static NodeKey fromSeed(String name, byte[] seed) {
        if (seed.length != PUBLIC_KEY_BYTES) {
            throw new IllegalArgumentException("an Ed25519 seed has 32 bytes, got " + seed.length);
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(255, new FixedSeedRandom(seed));
            KeyPair pair = generator.generateKeyPair();
            return new NodeKey(name, lastBytes(pair.getPublic().getEncoded(), PUBLIC_KEY_BYTES), seed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available in this JDK: " + e.getMessage(), e);
        }
    }

    /** A SecureRandom that yields one fixed seed: the JDK's generator draws the private key from it. */
    private static final class FixedSeedRandom extends java.security.SecureRandom {
        private final byte[] seed;

        FixedSeedRandom(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (bytes.length != seed.length) {
                throw new IllegalStateException("the Ed25519 generator asked for " + bytes.length + " random bytes, expected 32");
            }
            System.arraycopy(seed, 0, bytes, 0, bytes.length);
        }
    }

    /**
     * Loads a key file written by {@link #save(Path)}.
     *
     * @throws IOException when the file is missing, unreadable, readable by group or others,
     *     malformed, or when its public key does not match its private key
     */
    public static NodeKey load(Path file) throws IOException {
        checkPermissions(file);
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new IOException("key file " + file + " not found; create one with `larco keys new --out "
                    + file + " --name NAME`", e);
        } catch (IOException e) {
            throw new IOException("key file " + file + " is not valid JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IOException("key file " + file + " must hold a JSON object with name, public_key and private_key");
        }
        String name = root.path("name").asText("");
        byte[] pub = hexField(file, root, "public_key");
        byte[] seed = hexField(file, root, "private_key");
        NodeKey key = new NodeKey(name, pub, seed);
        key.checkPair(file);
        return key;
    }

    /**
     * Writes this key to {@code file} with mode 0600, atomically: the content goes to a temporary
     * file in the same directory, is synced, then linked to {@code file}.
     *
     * @throws java.nio.file.FileAlreadyExistsException when {@code file} exists (keys are never overwritten)
     */
    public void save(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = createOwnerOnlyTempFile(dir);
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                channel.write(java.nio.ByteBuffer.wrap(toJson()));
                channel.force(true);
            }
            // A hard link is atomic and fails when the target exists, unlike a rename.
            Files.createLink(file.toAbsolutePath(), tmp);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public String name() {
        return name;
    }

    /** Returns the raw 32-byte Ed25519 public key. */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** Returns the public key as 64 lowercase hex digits. */
    public String publicKeyHex() {
        return HexFormat.of().formatHex(publicKey);
    }

    /** Signs {@code message} and returns the 64-byte Ed25519 signature. */
    public byte[] sign(byte[] message) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey);
            signer.update(message);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed: " + e.getMessage(), e);
        }
    }

    /**
     * Verifies an Ed25519 signature. Returns false, without throwing, for a key or signature of
     * the wrong length and for a key that is not a valid curve point.
     */
    public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        if (publicKey == null || publicKey.length != PUBLIC_KEY_BYTES
                || signature == null || signature.length != SIGNATURE_BYTES) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(publicKeyFromRaw(publicKey));
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** Decodes a raw 32-byte Ed25519 public key into a JDK key. */
    public static PublicKey publicKeyFromRaw(byte[] raw) throws GeneralSecurityException {
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(concat(X509_PREFIX, raw)));
    }

    private static PrivateKey privateKeyFromSeed(byte[] seed) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(concat(PKCS8_PREFIX, seed)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("invalid Ed25519 private key: " + e.getMessage(), e);
        }
    }

    private void checkPair(Path file) throws IOException {
        byte[] probe = "larco key check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        if (!verify(publicKey, probe, sign(probe))) {
            throw new IOException("key file " + file + ": public_key does not belong to private_key; "
                    + "the file is corrupt, create a new key with `larco keys new`");
        }
    }

    private byte[] toJson() throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("name", name);
        root.put("public_key", HexFormat.of().formatHex(publicKey));
        root.put("private_key", HexFormat.of().formatHex(seed));
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    }

    private static byte[] hexField(Path file, JsonNode root, String field) throws IOException {
        String text = root.path(field).asText("");
        try {
            byte[] bytes = HexFormat.of().parseHex(text);
            if (bytes.length == PUBLIC_KEY_BYTES) {
                return bytes;
            }
        } catch (IllegalArgumentException e) {
            // reported below with the file and field
        }
        throw new IOException("key file " + file + ": field " + field + " must be 64 hex digits (32 bytes), got '"
                + abbreviate(text) + "'");
    }

    private static void checkPermissions(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new IOException("key file " + file + " not found; create one with `larco keys new --out "
                    + file + " --name NAME`");
        }
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (!OWNER_ONLY.containsAll(permissions)) {
            throw new IOException("key file " + file + " has permissions "
                    + PosixFilePermissions.toString(permissions) + ", wider than 0600; run `chmod 600 " + file + "`");
        }
    }

    private static Path createOwnerOnlyTempFile(Path dir) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempFile(dir, ".key-", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        }
        return Files.createTempFile(dir, ".key-", ".tmp");
    }

    private static byte[] lastBytes(byte[] encoded, int count) {
        return Arrays.copyOfRange(encoded, encoded.length - count, encoded.length);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static String abbreviate(String text) {
        return text.length() <= 16 ? text : text.substring(0, 16) + "...";
    }

    @Override
    public String toString() {
        return "NodeKey{name=" + name + ", publicKey=" + publicKeyHex() + "}";
    }
}
