package org.larco.lartpc.data;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Hdf5DatasetsTest {

    @TempDir
    Path dir;

    @Test
    void writeThenReadKeepsEverything() {
        ImageDataset data = ImageDataset.concat(java.util.List.of(ImageDatasetTest.tiny(4, "microboone"),
                ImageDatasetTest.tiny(3, "icarus")));
        Path file = dir.resolve("data.h5");

        Hdf5Datasets.write(file, data);
        ImageDataset read = Hdf5Datasets.read(file);

        assertEquals(data.size(), read.size());
        assertEquals(data.shapeText(), read.shapeText());
        assertEquals(data.classNames(), read.classNames());
        for (int i = 0; i < data.size(); i++) {
            assertArrayEquals(data.image(i), read.image(i), "image " + i);
            assertEquals(data.label(i), read.label(i), "label " + i);
            assertEquals(data.energyMev(i), read.energyMev(i), "energy " + i);
            assertEquals(data.source(i), read.source(i), "source " + i);
            assertEquals(data.eventId(i), read.eventId(i), "event id " + i);
        }
    }

    @Test
    void writeLeavesNoTemporaryFile() throws IOException {
        Hdf5Datasets.write(dir.resolve("data.h5"), ImageDatasetTest.tiny(2, "a"));

        assertEquals(java.util.List.of("data.h5"), listNames());
    }

    @Test
    void writtenFileIsWorldReadable() throws IOException {
        Path file = dir.resolve("data.h5");

        Hdf5Datasets.write(file, ImageDatasetTest.tiny(2, "a"));

        assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void failedWriteLeavesNoPartialFile() throws IOException {
        Path blocked = dir.resolve("blocked.h5");
        Files.createDirectories(blocked.resolve("child"));

        assertThrows(UncheckedIOException.class, () -> Hdf5Datasets.write(blocked, ImageDatasetTest.tiny(2, "a")));

        assertEquals(java.util.List.of("blocked.h5"), listNames());
    }

    @Test
    void reservedMetadataNameIsRejected() {
        Path file = dir.resolve("meta.h5");

        assertThrows(IllegalArgumentException.class,
                () -> Hdf5Datasets.write(file, ImageDatasetTest.tiny(2, "a"), java.util.Map.of("format", "x")));

        assertFalse(Files.exists(file));
    }

    @Test
    void emptyDatasetIsNotWritten() {
        Path file = dir.resolve("empty.h5");

        assertThrows(IllegalArgumentException.class, () -> Hdf5Datasets.write(file, ImageDatasetTest.tiny(0, "a")));

        assertFalse(Files.exists(file));
    }

    @Test
    void truncatedFileNamesFile() throws IOException {
        Path file = dir.resolve("data.h5");
        Hdf5Datasets.write(file, ImageDatasetTest.tiny(20, "a"));
        byte[] bytes = Files.readAllBytes(file);
        Path truncated = dir.resolve("truncated.h5");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));

        DatasetFormatException error = assertThrows(DatasetFormatException.class, () -> Hdf5Datasets.read(truncated));

        assertEquals(truncated, error.file());
    }

    @Test
    void textFileIsRejected() throws IOException {
        Path file = dir.resolve("notes.h5");
        Files.writeString(file, "not an HDF5 file\n".repeat(100));

        DatasetFormatException error = assertThrows(DatasetFormatException.class, () -> Hdf5Datasets.read(file));

        assertTrue(error.getMessage().contains(file.toString()), error.getMessage());
    }

    @Test
    void missingFileIsRejected() {
        assertThrows(DatasetFormatException.class, () -> Hdf5Datasets.read(dir.resolve("absent.h5")));
    }

    @Test
    void missingLabelsAreNamed() {
        Path file = writeRaw(hdf -> {
            writeHeader(hdf);
            hdf.putDataset("images", new float[2][3][4][5]);
        });

        DatasetFormatException error = assertThrows(DatasetFormatException.class, () -> Hdf5Datasets.read(file));

        assertEquals("labels", error.field());
    }

    @Test
    void wrongImageRankIsNamed() {
        Path file = writeRaw(hdf -> {
            writeHeader(hdf);
            hdf.putDataset("images", new float[2][3][20]);
        });

        DatasetFormatException error = assertThrows(DatasetFormatException.class, () -> Hdf5Datasets.read(file));

        assertEquals("images", error.field());
    }

    @Test
    void labelCountMismatchIsNamed() {
        Path file = writeRaw(hdf -> {
            writeHeader(hdf);
            hdf.putDataset("images", new float[2][3][4][5]);
            hdf.putDataset("labels", new int[3]);
        });

        DatasetFormatException error = assertThrows(DatasetFormatException.class, () -> Hdf5Datasets.read(file));

        assertEquals("labels", error.field());
    }

    @Test
    void labelOutsideClassesIsNamed() {
        Path file = writeRaw(hdf -> {
            writeHeader(hdf);
            hdf.putDataset("images", new float[2][3][4][5]);
            hdf.putDataset("labels", new int[] {0, 7});
            hdf.putDataset("energy_mev", new float[2]);
            hdf.putDataset("event_id", new long[2]);
            hdf.putDataset("source_index", new int[2]);
        });

        DatasetFormatException error = assertThrows(DatasetFormatException.class, () -> Hdf5Datasets.read(file));

        assertEquals("labels", error.field());
    }

    @Test
    void otherFormatIsNamed() {
        Path file = writeRaw(hdf -> hdf.putAttribute("format", "larcv3"));

        DatasetFormatException error = assertThrows(DatasetFormatException.class, () -> Hdf5Datasets.read(file));

        assertEquals("format", error.field());
    }

    private static void writeHeader(WritableHdfFile hdf) {
        hdf.putAttribute("format", Hdf5Datasets.FORMAT);
        hdf.putAttribute("format_version", Hdf5Datasets.FORMAT_VERSION);
        hdf.putAttribute("class_names", Task.SINGLE_PARTICLE.classNames().toArray(new String[0]));
        hdf.putAttribute("sources", new String[] {"a"});
    }

    private Path writeRaw(Consumer<WritableHdfFile> body) {
        Path file = dir.resolve("raw.h5");
        try (WritableHdfFile hdf = HdfFile.write(file)) {
            body.accept(hdf);
        }
        return file;
    }

    private java.util.List<String> listNames() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
