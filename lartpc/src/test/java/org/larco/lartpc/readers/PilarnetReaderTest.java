package org.larco.lartpc.readers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.larco.lartpc.data.DatasetFormatException;
import org.larco.lartpc.data.ImageDataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Reads the fixture written by src/test/scripts/make_reader_fixtures.py. */
class PilarnetReaderTest {

    private static final Path FIXTURE = Path.of("src/test/resources/readers/generic_v2_2_v2.h5");

    @TempDir
    Path dir;

    @Test
    void everyParticleGroupBecomesOneImage() {
        ImageDataset data = PilarnetReader.read(FIXTURE, 32, 5);

        assertEquals(4, data.size());
    }

    @Test
    void pidsMapToSingleParticleClasses() {
        ImageDataset data = PilarnetReader.read(FIXTURE, 32, 5);
        String[] classes = new String[data.size()];
        for (int i = 0; i < data.size(); i++) {
            classes[i] = data.classNames().get(data.label(i));
        }

        assertEquals(Arrays.asList("muon", "electron", "proton", "gamma"), Arrays.asList(classes));
    }

    @Test
    void fragmentsOfOneGroupAreMerged() {
        ImageDataset data = PilarnetReader.read(FIXTURE, 32, 5);

        assertEquals(12 * 0.05f + 8 * 0.03f, data.energyMev(1), 1e-4f);
    }

    @Test
    void eventIdCombinesEntryAndGroup() {
        ImageDataset data = PilarnetReader.read(FIXTURE, 32, 5);

        assertEquals(1L, data.eventId(1));
        assertEquals(1001L, data.eventId(3));
    }

    @Test
    void projectionKeepsVoxelCharge() {
        ImageDataset data = PilarnetReader.read(FIXTURE, 64, 5);
        float[] image = data.image(0);
        double collectionPlane = 0;
        for (int k = 2 * 64 * 64; k < image.length; k++) {
            collectionPlane += image[k];
        }

        assertEquals(40 * 2.0, collectionPlane, 1e-3);
    }

    @Test
    void minVoxelsDropsSmallGroups() {
        assertEquals(3, PilarnetReader.read(FIXTURE, 32, 15).size());
    }

    @Test
    void otherHdf5LayoutNamesMissingField() throws IOException {
        Path larcv = Path.of("src/test/resources/readers/larcv3_sparse2d.h5");

        DatasetFormatException error = assertThrows(DatasetFormatException.class, () -> PilarnetReader.read(larcv, 32, 5));

        assertEquals("point", error.field());
    }

    @Test
    void truncatedFileIsRejected() throws IOException {
        byte[] bytes = Files.readAllBytes(FIXTURE);
        Path truncated = dir.resolve("truncated.h5");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 3));

        assertThrows(DatasetFormatException.class, () -> PilarnetReader.read(truncated, 32, 5));
    }
}
