package org.larco.lartpc.readers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.larco.lartpc.data.DatasetFormatException;
import org.larco.lartpc.data.ImageDataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Writes CVN pixel maps in their layout (zlib stream + .info) and reads them back. */
class CvnPixelMapReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsLabelsFromInfoFiles() throws IOException {
        writeMap("event_0", 2, 100, 200);
        writeMap("event_1", 5, 300, 100);
        writeMap("event_2", 13, 250, 250);

        ImageDataset data = CvnPixelMapReader.readDirectory(dir, 64);

        assertEquals(List.of("numu_cc", "nue_cc", "nc"), List.of(
                data.classNames().get(data.label(0)), data.classNames().get(data.label(1)), data.classNames().get(data.label(2))));
    }

    @Test
    void unsupportedInteractionsAreSkipped() throws IOException {
        writeMap("event_0", 9, 100, 200);
        writeMap("event_1", 14, 100, 200);
        writeMap("event_2", 0, 100, 200);

        assertEquals(1, CvnPixelMapReader.readDirectory(dir, 64).size());
    }

    @Test
    void pixelChargeIsKeptPerView() throws IOException {
        writeMap("event_0", 1, 120, 340);

        ImageDataset data = CvnPixelMapReader.readDirectory(dir, 32);

        for (int view = 0; view < 3; view++) {
            double charge = 0;
            for (int wire = 0; wire < 32; wire++) {
                for (int bin = 0; bin < 32; bin++) {
                    charge += data.pixel(0, view, wire, bin);
                }
            }
            assertEquals(10 * (50 + view), charge, 1e-3, "view " + view);
        }
    }

    @Test
    void truncatedStreamIsRejected() throws IOException {
        writeMap("event_0", 1, 120, 340);
        Path map = dir.resolve("event_0.gz");
        byte[] bytes = Files.readAllBytes(map);
        Files.write(map, Arrays.copyOf(bytes, bytes.length / 2));

        DatasetFormatException error = assertThrows(DatasetFormatException.class, () -> CvnPixelMapReader.readDirectory(dir, 32));

        assertEquals("pixel map", error.field());
    }

    @Test
    void missingInfoFileIsNamed() throws IOException {
        writeMap("event_0", 1, 120, 340);
        Files.delete(dir.resolve("event_0.info"));

        DatasetFormatException error = assertThrows(DatasetFormatException.class, () -> CvnPixelMapReader.readDirectory(dir, 32));

        assertEquals(dir.resolve("event_0.info"), error.file());
    }

    @Test
    void wrongMapSizeIsRejected() throws IOException {
        writeMap("event_0", 1, 120, 340);

        assertThrows(DatasetFormatException.class,
                () -> CvnPixelMapReader.read(List.of(dir.resolve("event_0.gz")), 3, 400, 400, 32));
    }

    /** Writes a 3 x 500 x 500 map with a 10-tick track on one wire per view, value 50 + view. */
    private void writeMap(String name, int interactionType, int wire, int firstTick) throws IOException {
        int views = 3;
        int wires = 500;
        int ticks = 500;
        byte[] pixels = new byte[views * wires * ticks];
        for (int view = 0; view < views; view++) {
            for (int tick = firstTick; tick < firstTick + 10; tick++) {
                pixels[tick + ticks * (wire + wires * view)] = (byte) (50 + view);
            }
        }
        Deflater deflater = new Deflater();
        deflater.setInput(pixels);
        deflater.finish();
        byte[] buffer = new byte[pixels.length];
        int length = deflater.deflate(buffer);
        deflater.end();
        Files.write(dir.resolve(name + ".gz"), Arrays.copyOf(buffer, length));
        Files.writeString(dir.resolve(name + ".info"), interactionType + "\n1.5\n0.8\n");
    }
}
