package org.larco.lartpc.readers;

import org.junit.jupiter.api.Test;
import org.larco.lartpc.data.DatasetFormatException;
import org.larco.lartpc.data.ImageDataset;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reads the fixture written by src/test/scripts/make_reader_fixtures.py. */
class Larcv3ReaderTest {

    private static final Path FIXTURE = Path.of("src/test/resources/readers/larcv3_sparse2d.h5");

    @Test
    void readsEveryEvent() {
        assertEquals(3, Larcv3Reader.read(FIXTURE, "data", "label", 32).size());
    }

    @Test
    void pdgCodesBecomeLabels() {
        ImageDataset data = Larcv3Reader.read(FIXTURE, "data", "label", 32);

        assertEquals("muon", data.classNames().get(data.label(0)));
        assertEquals("proton", data.classNames().get(data.label(1)));
        assertEquals("gamma", data.classNames().get(data.label(2)));
    }

    @Test
    void energyComesFromParticleTable() {
        assertEquals(480f, Larcv3Reader.read(FIXTURE, "data", "label", 32).energyMev(1));
    }

    @Test
    void voxelsLandOnTheirProjection() {
        ImageDataset data = Larcv3Reader.read(FIXTURE, "data", "label", 32);
        for (int plane = 0; plane < 3; plane++) {
            double charge = 0;
            for (int wire = 0; wire < 32; wire++) {
                for (int bin = 0; bin < 32; bin++) {
                    charge += data.pixel(1, plane, wire, bin);
                }
            }
            assertEquals(6 * 8.0, charge, 1e-4, "plane " + plane);
        }
    }

    @Test
    void protonTrackRunsAlongTimeAxis() {
        ImageDataset data = Larcv3Reader.read(FIXTURE, "data", "label", 32);
        int litWires = 0;
        for (int wire = 0; wire < 32; wire++) {
            for (int bin = 0; bin < 32; bin++) {
                if (data.pixel(1, 2, wire, bin) > 0) {
                    litWires++;
                    break;
                }
            }
        }

        assertEquals(1, litWires);
    }

    @Test
    void unknownProducerIsNamed() {
        DatasetFormatException error = assertThrows(DatasetFormatException.class,
                () -> Larcv3Reader.read(FIXTURE, "wire", "label", 32));

        assertTrue(error.field().contains("sparse2d_wire_group"), error.field());
    }

    @Test
    void pdgMappingCoversFiveParticles() {
        assertEquals(0, Larcv3Reader.labelOfPdg(-11));
        assertEquals(3, Larcv3Reader.labelOfPdg(-211));
        assertEquals(-1, Larcv3Reader.labelOfPdg(2112));
    }
}
