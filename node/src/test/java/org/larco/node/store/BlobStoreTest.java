package org.larco.node.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlobStoreTest {

    @TempDir
    Path home;

    @Test
    void putThenGetReturnsSameBytes() {
        BlobStore store = BlobStore.open(home.resolve("blobs"));
        byte[] blob = "weights".getBytes(StandardCharsets.UTF_8);

        String hex = store.put(blob);

        assertArrayEquals(blob, store.get(hex).orElseThrow());
        assertEquals(BlobHashes.sha256Hex(blob), hex);
        assertTrue(Files.isRegularFile(home.resolve("blobs").resolve(hex.substring(0, 2)).resolve(hex)));
    }

    @Test
    void putIsIdempotent() throws Exception {
        BlobStore store = BlobStore.open(home.resolve("blobs"));
        byte[] blob = {1, 2, 3};

        String first = store.put(blob);
        String second = store.put(blob);

        assertEquals(first, second);
        assertEquals(1, countFiles());
    }

    @Test
    void putVerifiedRejectsMismatchAndStoresNothing() throws Exception {
        BlobStore store = BlobStore.open(home.resolve("blobs"));
        String expected = BlobHashes.sha256Hex(new byte[] {9});
        byte[] other = {8};

        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> store.putVerified(expected, other));

        assertTrue(failure.getMessage().contains(expected), failure.getMessage());
        assertTrue(failure.getMessage().contains(BlobHashes.sha256Hex(other)), failure.getMessage());
        assertFalse(store.has(expected));
        assertEquals(0, countFiles());
    }

    @Test
    void oversizeBlobIsRejected() throws Exception {
        BlobStore store = BlobStore.open(home.resolve("blobs"), 4);

        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> store.put(new byte[5]));

        assertTrue(failure.getMessage().contains("5 bytes, over the limit of 4 bytes"), failure.getMessage());
        assertEquals(0, countFiles());
    }

    @Test
    void invalidHexIsRejected() {
        BlobStore store = BlobStore.open(home.resolve("blobs"));

        for (String invalid : new String[] {"", "abc", "../../etc/passwd", "z".repeat(64), "a".repeat(63)}) {
            assertThrows(IllegalArgumentException.class, () -> store.get(invalid), invalid);
        }
    }

    @Test
    void missingBlobIsEmpty() {
        BlobStore store = BlobStore.open(home.resolve("blobs"));

        assertTrue(store.get("0".repeat(64)).isEmpty());
        assertFalse(store.has("0".repeat(64)));
    }

    @Test
    void uppercaseHexFindsSameBlob() {
        BlobStore store = BlobStore.open(home.resolve("blobs"));
        String hex = store.put(new byte[] {4, 5});

        assertTrue(store.get(hex.toUpperCase()).isPresent());
    }

    @Test
    void corruptFileOnDiskReadsAsMissing() throws Exception {
        BlobStore store = BlobStore.open(home.resolve("blobs"));
        String hex = store.put(new byte[] {7, 7, 7});
        Files.write(store.pathOf(hex), new byte[] {6});

        assertTrue(store.get(hex).isEmpty());
        assertFalse(store.has(hex));
    }

    private long countFiles() throws Exception {
        try (Stream<Path> files = Files.walk(home.resolve("blobs"))) {
            return files.filter(Files::isRegularFile).count();
        }
    }
}
