package org.larco.abci.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.larco.protocol.keys.NodeKey;
import picocli.CommandLine;

class KeysCommandTest {

    @TempDir
    Path dir;

    @Test
    void newWritesOwnerOnlyKeyFile() throws Exception {
        Path file = dir.resolve("alice.key");

        int exit = run("new", "--out", file.toString(), "--name", "alice");

        assertEquals(0, exit);
        assertEquals("alice", NodeKey.load(file).name());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void newRefusesToOverwrite() throws Exception {
        Path file = dir.resolve("alice.key");
        run("new", "--out", file.toString(), "--name", "alice");
        String before = Files.readString(file);

        int exit = run("new", "--out", file.toString(), "--name", "mallory");

        assertEquals(1, exit);
        assertEquals(before, Files.readString(file));
    }

    @Test
    void showPrintsNameAndPublicKey() throws Exception {
        Path file = dir.resolve("bob.key");
        run("new", "--out", file.toString(), "--name", "bob");
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            exit = run("show", file.toString());
        } finally {
            System.setOut(original);
        }
        String output = captured.toString(StandardCharsets.UTF_8);

        assertEquals(0, exit);
        assertTrue(output.contains("name: bob"), output);
        assertTrue(output.contains(NodeKey.load(file).publicKeyHex()), output);
    }

    @Test
    void showFailsForMissingFile() {
        assertEquals(1, run("show", dir.resolve("none.key").toString()));
    }

    private static int run(String... args) {
        return new CommandLine(new KeysCommand()).execute(args);
    }
}
