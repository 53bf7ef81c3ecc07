package org.larco.lartpc.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.larco.lartpc.data.Hdf5Datasets;
import org.larco.lartpc.data.ImageDataset;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandLineTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = new CommandLine(new LartpcMain());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void generateWritesDataset() {
        Path file = dir.resolve("mu.h5");

        int exitCode = run("generate", "--preset", "icarus", "--events", "12", "--seed", "7", "--threads", "2",
                "--out", file.toString());

        assertEquals(0, exitCode, err.toString());
        ImageDataset data = Hdf5Datasets.read(file);
        assertEquals(12, data.size());
        assertEquals("icarus", data.source(0));
    }

    @Test
    void generateStoresGeneratorMetadata() {
        Path file = dir.resolve("meta.h5");

        run("generate", "--preset", "dune-fd", "--events", "2", "--seed", "99", "--out", file.toString());

        java.util.Map<String, String> metadata = Hdf5Datasets.readMetadata(file);
        assertEquals("99", metadata.get("seed"));
        assertEquals("single-particle", metadata.get("task"));
        assertEquals(org.larco.lartpc.config.DetectorConfig.preset("dune-fd").toJson(), metadata.get("config"));
    }

    @Test
    void generateDrawsProgressBarOnStderr() {
        run("generate", "--events", "5", "--threads", "1", "--out", dir.resolve("a.h5").toString());

        assertTrue(err.toString().contains("100% 5/5 events"), err.toString());
    }

    @Test
    void generateNeutrinoTask() {
        Path file = dir.resolve("nu.h5");

        run("generate", "--task", "neutrino", "--events", "6", "--out", file.toString());

        assertEquals(List.of("numu_cc", "nue_cc", "nc"), Hdf5Datasets.read(file).classNames());
    }

    @Test
    void generateFromConfigFile() throws IOException {
        Path config = dir.resolve("group.yaml");
        Files.writeString(config, "base: microboone\nname: group-c\nimage: {wires: 32, timePixels: 48}\n");
        Path file = dir.resolve("c.h5");

        int exitCode = run("generate", "--config", config.toString(), "--events", "3", "--out", file.toString());

        assertEquals(0, exitCode, err.toString());
        assertEquals("3x32x48", Hdf5Datasets.read(file).shapeText());
    }

    @Test
    void negativeEventCountIsUsageError() throws IOException {
        int exitCode = run("generate", "--events", "-3", "--out", dir.resolve("bad.h5").toString());

        assertEquals(2, exitCode);
        assertTrue(err.toString().contains("--events -3"), err.toString());
        assertEquals(List.of(), listNames());
    }

    @Test
    void unknownPresetListsValidNames() throws IOException {
        int exitCode = run("generate", "--preset", "argoneut", "--events", "3", "--out", dir.resolve("bad.h5").toString());

        assertEquals(1, exitCode);
        assertTrue(err.toString().contains("microboone, dune-fd, icarus"), err.toString());
        assertEquals(List.of(), listNames());
    }

    @Test
    void presetAndConfigTogetherAreRejected() {
        int exitCode = run("generate", "--preset", "icarus", "--config", "x.yaml", "--out", dir.resolve("bad.h5").toString());

        assertEquals(2, exitCode);
    }

    @Test
    void showWritesPng() {
        Path file = dir.resolve("e.h5");
        Path png = dir.resolve("e.png");
        run("generate", "--events", "3", "--out", file.toString());

        int exitCode = run("show", file.toString(), "--event", "2", "--png", png.toString());

        assertEquals(0, exitCode, err.toString());
        assertTrue(Files.isRegularFile(png));
    }

    @Test
    void showOfCorruptFileNamesFile() throws IOException {
        Path file = dir.resolve("corrupt.h5");
        Files.writeString(file, "garbage");

        int exitCode = run("show", file.toString(), "--png", dir.resolve("x.png").toString());

        assertEquals(1, exitCode);
        assertTrue(err.toString().contains(file.toString()), err.toString());
        assertFalse(Files.exists(dir.resolve("x.png")));
    }

    @Test
    void showOfMissingEventIsRejected() {
        Path file = dir.resolve("e.h5");
        run("generate", "--events", "2", "--out", file.toString());

        int exitCode = run("show", file.toString(), "--event", "5", "--png", dir.resolve("x.png").toString());

        assertEquals(1, exitCode);
        assertTrue(err.toString().contains("--event 5"), err.toString());
    }

    private List<String> listNames() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
