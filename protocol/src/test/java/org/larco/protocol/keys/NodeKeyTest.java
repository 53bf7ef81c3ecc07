package org.larco.protocol.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeKeyTest {

    private static final byte[] MESSAGE = "round 7 vote".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void signatureVerifiesWithPublicKey() {
        NodeKey key = NodeKey.generate("alice");

        byte[] signature = key.sign(MESSAGE);

        assertTrue(NodeKey.verify(key.publicKey(), MESSAGE, signature));
        assertEquals(64, signature.length);
        assertEquals(32, key.publicKey().length);
    }

    @Test
    void signatureFailsForOtherMessageOrKey() {
        NodeKey key = NodeKey.generate("alice");
        byte[] signature = key.sign(MESSAGE);

        assertFalse(NodeKey.verify(key.publicKey(), "other".getBytes(StandardCharsets.UTF_8), signature));
        assertFalse(NodeKey.verify(NodeKey.generate().publicKey(), MESSAGE, signature));
        assertFalse(NodeKey.verify(new byte[5], MESSAGE, signature));
        assertFalse(NodeKey.verify(key.publicKey(), MESSAGE, Arrays.copyOf(signature, 10)));
    }

    @Test
    void saveThenLoadKeepsKey() throws IOException {
        NodeKey key = NodeKey.generate("alice");
        Path file = dir.resolve("alice.key");

        key.save(file);
        NodeKey loaded = NodeKey.load(file);

        assertEquals("alice", loaded.name());
        assertArrayEquals(key.publicKey(), loaded.publicKey());
        assertTrue(NodeKey.verify(key.publicKey(), MESSAGE, loaded.sign(MESSAGE)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void saveRefusesToOverwrite() throws IOException {
        Path file = dir.resolve("alice.key");
        NodeKey.generate("alice").save(file);

        assertThrows(FileAlreadyExistsException.class, () -> NodeKey.generate("mallory").save(file));
        assertEquals("alice", NodeKey.load(file).name());
    }

    @Test
    void loadRejectsWidePermissions() throws IOException {
        Path file = dir.resolve("alice.key");
        NodeKey.generate("alice").save(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        IOException error = assertThrows(IOException.class, () -> NodeKey.load(file));

        assertTrue(error.getMessage().contains("chmod 600"), error.getMessage());
    }

    @Test
    void loadReportsMissingFile() {
        IOException error = assertThrows(IOException.class, () -> NodeKey.load(dir.resolve("none.key")));

        assertTrue(error.getMessage().contains("not found"), error.getMessage());
    }

    @Test
    void loadRejectsBadContent() throws IOException {
        Path file = ownerOnlyFile("bad.key", "{\"name\":\"x\",\"public_key\":\"zz\",\"private_key\":\"00\"}");

        IOException error = assertThrows(IOException.class, () -> NodeKey.load(file));

        assertTrue(error.getMessage().contains("public_key"), error.getMessage());
    }

    @Test
    void loadRejectsMismatchedKeys() throws IOException {
        NodeKey a = NodeKey.generate("a");
        NodeKey b = NodeKey.generate("b");
        Path source = dir.resolve("a.key");
        a.save(source);
        String text = Files.readString(source).replace(a.publicKeyHex(), b.publicKeyHex());
        Path file = ownerOnlyFile("mixed.key", text);

        IOException error = assertThrows(IOException.class, () -> NodeKey.load(file));

        assertTrue(error.getMessage().contains("does not belong"), error.getMessage());
    }

    @Test
    void loadRejectsNonJson() throws IOException {
        Path file = ownerOnlyFile("text.key", "not json at all");

        assertThrows(IOException.class, () -> NodeKey.load(file));
    }

    @Test
    void seedDerivesSameKey() {
        byte[] seed = new byte[32];
        Arrays.fill(seed, (byte) 9);

        assertArrayEquals(NodeKey.fromSeed("a", seed).publicKey(), NodeKey.fromSeed("b", seed).publicKey());
    }

    private Path ownerOnlyFile(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }
}
