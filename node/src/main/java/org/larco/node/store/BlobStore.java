package org.larco.node.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A content-addressed store of weights blobs: each blob lives at
 * {@code <blob directory>/<first two hex digits>/<sha256 hex>}, where the node uses
 * {@code <home>/blobs} as the blob directory.
 *
 * <p>Writes are atomic (temporary file, fsync, rename) and idempotent, so a crash never leaves a
 * partial blob under its hash. Reads check the hash again and treat a corrupt file as missing.
 * Methods do blocking file I/O: call them from worker threads, not from an event loop. This class
 * is thread-safe.
 */
public final class BlobStore {

    /** Default blob size limit: a weights blob of the default CNN is a few MB, so 256 MiB leaves wide headroom. */
    public static final long DEFAULT_MAX_BLOB_BYTES = 256L * 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(BlobStore.class);

    private final Path root;
    private final long maxBlobBytes;

    private BlobStore(Path root, long maxBlobBytes) {
        this.root = root;
        this.maxBlobBytes = maxBlobBytes;
    }

    /** Opens (creating when missing) the store in {@code blobDirectory} with {@link #DEFAULT_MAX_BLOB_BYTES}. */
    public static BlobStore open(Path blobDirectory) {
        return open(blobDirectory, DEFAULT_MAX_BLOB_BYTES);
    }

    /** Opens (creating when missing) the store in {@code blobDirectory}, rejecting blobs over {@code maxBlobBytes}. */
    public static BlobStore open(Path blobDirectory, long maxBlobBytes) {
        if (maxBlobBytes < 1 || maxBlobBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("max blob size must be between 1 and " + (Integer.MAX_VALUE - 8)
                    + " bytes, got " + maxBlobBytes);
        }
        try {
            Files.createDirectories(blobDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create blob directory " + blobDirectory + "; check that its parent "
                    + "is writable", e);
        }
        return new BlobStore(blobDirectory, maxBlobBytes);
    }

    public long maxBlobBytes() {
        return maxBlobBytes;
    }

    /** Stores {@code blob} unless it is already present and returns its SHA-256 in lowercase hex. */
    public String put(byte[] blob) {
        String hex = BlobHashes.sha256Hex(blob);
        store(hex, blob);
        return hex;
    }

    /**
     * Stores {@code blob} under {@code expectedHex} after checking that its SHA-256 matches;
     * rejects a mismatch and stores nothing.
     */
    public void putVerified(String expectedHex, byte[] blob) {
        String expected = BlobHashes.requireSha256Hex(expectedHex);
        String actual = BlobHashes.sha256Hex(blob);
        if (!actual.equals(expected)) {
            throw new IllegalArgumentException("blob hash mismatch: expected " + expected + " but the " + blob.length
                    + " received bytes hash to " + actual + "; the sender stores other data under that hash");
        }
        store(expected, blob);
    }

    /** Returns the blob stored under {@code hex}, or empty when it is missing or its file is corrupt. */
    public Optional<byte[]> get(String hex) {
        String normalized = BlobHashes.requireSha256Hex(hex);
        Path file = pathOf(normalized);
        byte[] blob;
        try {
            blob = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read blob " + hex + " from " + file, e);
        }
        String actual = BlobHashes.sha256Hex(blob);
        if (!actual.equals(normalized)) {
            log.error("blob {} is corrupt on disk: {} hashes to {}; deleting it so it is fetched again", hex, file,
                    actual);
            deleteQuietly(file);
            return Optional.empty();
        }
        return Optional.of(blob);
    }

    public boolean has(String hex) {
        return Files.isRegularFile(pathOf(hex));
    }

    /** Returns the file that contains (or would contain) the blob {@code hex}. Throws on an invalid hash. */
    public Path pathOf(String hex) {
        String normalized = BlobHashes.requireSha256Hex(hex);
        return root.resolve(normalized.substring(0, 2)).resolve(normalized);
    }

    private void store(String hex, byte[] blob) {
        if (blob.length > maxBlobBytes) {
            throw new IllegalArgumentException("blob " + hex + " is " + blob.length + " bytes, over the limit of "
                    + maxBlobBytes + " bytes");
        }
        Path file = pathOf(hex);
        if (Files.isRegularFile(file)) {
            return;
        }
        Path temp = null;
        try {
            Files.createDirectories(file.getParent());
            temp = Files.createTempFile(file.getParent(), hex.substring(0, 8) + "-", ".tmp");
            writeAndSync(temp, blob);
            moveIntoPlace(temp, file);
            syncDirectory(file.getParent());
            log.debug("stored blob {} ({} bytes)", hex, blob.length);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store blob " + hex + " at " + file + "; check free disk space and "
                    + "permissions", e);
        } finally {
            if (temp != null) {
                deleteQuietly(temp);
            }
        }
    }

    private static void writeAndSync(Path temp, byte[] blob) throws IOException {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(blob);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    private static void moveIntoPlace(Path temp, Path file) throws IOException {
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            // Another writer stored the same content first: the blob is in place.
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system of " + file.getParent() + " cannot rename atomically", e);
        }
    }

    private static void syncDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("cannot delete {}: {}", file, e.getMessage());
        }
    }
}
