package org.larco.lartpc.sim;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.larco.lartpc.config.DetectorConfig;
import org.larco.lartpc.data.Hdf5Datasets;
import org.larco.lartpc.data.ImageDataset;
import org.larco.lartpc.data.Task;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetGeneratorTest {

    @TempDir
    Path dir;

    @Test
    void sameSeedSameBytesAnyThreads() throws IOException {
        DatasetGenerator generator = new DatasetGenerator(DetectorConfig.preset("microboone"), Task.SINGLE_PARTICLE);
        Path single = dir.resolve("single.h5");
        Path several = dir.resolve("several.h5");

        Hdf5Datasets.write(single, generator.generate(80, 42, 1));
        Hdf5Datasets.write(several, generator.generate(80, 42, 3));

        assertEquals(-1L, Files.mismatch(single, several));
    }

    @Test
    void differentSeedsGiveDifferentImages() {
        DatasetGenerator generator = new DatasetGenerator(DetectorConfig.preset("microboone"), Task.SINGLE_PARTICLE);

        assertFalse(Arrays.equals(generator.generate(1, 1, 1).image(0), generator.generate(1, 2, 1).image(0)));
    }

    @Test
    void imagesHaveDefaultShape() {
        ImageDataset data = new DatasetGenerator(DetectorConfig.preset("dune-fd"), Task.SINGLE_PARTICLE).generate(5, 1, 1);

        assertEquals("3x64x64", data.shapeText());
        assertEquals("dune-fd", data.source(0));
    }

    @Test
    void progressReachesEventCount() {
        AtomicInteger last = new AtomicInteger();
        AtomicInteger calls = new AtomicInteger();
        new DatasetGenerator(DetectorConfig.preset("icarus"), Task.SINGLE_PARTICLE).generate(40, 3, 2, done -> {
            assertEquals(last.get() + 1, done);
            last.set(done);
            calls.incrementAndGet();
        });

        assertEquals(40, last.get());
        assertEquals(40, calls.get());
    }

    @Test
    void negativeEventCountIsRejected() {
        DatasetGenerator generator = new DatasetGenerator(DetectorConfig.preset("microboone"), Task.SINGLE_PARTICLE);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> generator.generate(-5, 1, 1));

        assertTrue(error.getMessage().contains("-5"), error.getMessage());
    }

    @Test
    void zeroThreadsAreRejected() {
        DatasetGenerator generator = new DatasetGenerator(DetectorConfig.preset("microboone"), Task.SINGLE_PARTICLE);

        assertThrows(IllegalArgumentException.class, () -> generator.generate(5, 1, 0));
    }

    @Test
    void neutrinoTaskMakesEveryClass() {
        ImageDataset data = new DatasetGenerator(DetectorConfig.preset("microboone"), Task.NEUTRINO).generate(60, 5, 2);

        for (int count : data.classCounts()) {
            assertTrue(count > 5, "class counts " + Arrays.toString(data.classCounts()));
        }
    }

    @Test
    void classPriorsShiftLabelFrequencies() {
        ImageDataset uniform = new DatasetGenerator(DetectorConfig.preset("microboone"), Task.SINGLE_PARTICLE).generate(300, 9, 2);
        ImageDataset muonHeavy = new DatasetGenerator(DetectorConfig.preset("dune-fd"), Task.SINGLE_PARTICLE).generate(300, 9, 2);

        int muon = Task.SINGLE_PARTICLE.classNames().indexOf("muon");
        int gamma = Task.SINGLE_PARTICLE.classNames().indexOf("gamma");
        assertTrue(muonHeavy.classCounts()[muon] - muonHeavy.classCounts()[gamma]
                > uniform.classCounts()[muon] - uniform.classCounts()[gamma],
                Arrays.toString(uniform.classCounts()) + " vs " + Arrays.toString(muonHeavy.classCounts()));
    }

    @Test
    void heldOutSetDrawsFromEveryConfiguration() {
        List<DetectorConfig> configs = List.of(DetectorConfig.preset("microboone"), DetectorConfig.preset("icarus"));

        ImageDataset heldOut = DatasetGenerator.heldOut(configs, Task.SINGLE_PARTICLE, 10, 77, 2);

        assertEquals(20, heldOut.size());
        assertEquals("microboone", heldOut.source(0));
        assertEquals("icarus", heldOut.source(19));
    }

    @Test
    void heldOutSetDiffersFromTrainingSeed() {
        DetectorConfig config = DetectorConfig.preset("microboone");
        ImageDataset training = new DatasetGenerator(config, Task.SINGLE_PARTICLE).generate(3, 77, 1);

        ImageDataset heldOut = DatasetGenerator.heldOut(List.of(config), Task.SINGLE_PARTICLE, 3, 77, 1);

        assertFalse(Arrays.equals(training.image(0), heldOut.image(0)));
    }

    @Test
    void sameEventIsIdenticalInLargerDataset() {
        DatasetGenerator generator = new DatasetGenerator(DetectorConfig.preset("microboone"), Task.SINGLE_PARTICLE);

        assertArrayEquals(generator.generate(3, 11, 1).image(2), generator.generate(10, 11, 2).image(2));
    }
}
