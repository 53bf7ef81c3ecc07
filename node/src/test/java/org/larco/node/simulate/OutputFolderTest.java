package org.larco.node.simulate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFolderTest {

    @TempDir
    Path dir;

    @Test
    void newFolderIsCreated() throws IOException {
        Path out = dir.resolve("run");

        assertFalse(OutputFolder.prepare(out));
        assertTrue(Files.isDirectory(out));
    }

    @Test
    void earlierRunStateIsReplaced() throws IOException {
        Files.createDirectories(dir.resolve("chain/app"));
        Files.writeString(dir.resolve("chain/blocks.log"), "old blocks");
        Files.createDirectories(dir.resolve("nodes/group-1/blobs"));
        Files.writeString(dir.resolve("results.json"), "{}");

        assertTrue(OutputFolder.prepare(dir));
        assertFalse(Files.exists(dir.resolve("chain")));
        assertFalse(Files.exists(dir.resolve("nodes")));
        assertTrue(Files.exists(dir.resolve("results.json")));
    }

    @Test
    void foreignFilesAreNeverDeleted() throws IOException {
        Files.createDirectories(dir.resolve("chain"));
        Files.writeString(dir.resolve("thesis.tex"), "do not delete");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> OutputFolder.prepare(dir));

        assertTrue(error.getMessage().contains("thesis.tex"), error.getMessage());
        assertTrue(Files.exists(dir.resolve("chain")));
        assertTrue(Files.exists(dir.resolve("thesis.tex")));
    }

    @Test
    void fileInsteadOfFolderIsRejected() throws IOException {
        Path file = Files.writeString(dir.resolve("out.txt"), "x");

        assertThrows(IllegalArgumentException.class, () -> OutputFolder.prepare(file));
    }
}
