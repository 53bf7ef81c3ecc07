package org.larco.lartpc.display;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.larco.lartpc.data.ImageDataset;
import org.larco.lartpc.data.Task;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventDisplayTest {

    @TempDir
    Path dir;

    /** Returns one event with 100 ADC at wire 2, time bin 1 of the collection plane and -50 ADC on plane U. */
    private static ImageDataset oneHit() {
        int size = 16;
        float[] image = new float[3 * size * size];
        image[(2 * size + 2) * size + 1] = 100f;
        image[(0 * size + 5) * size + 7] = -50f;
        return new ImageDataset(3, size, size, Task.SINGLE_PARTICLE.classNames(), new float[][] {image},
                new int[] {2}, new float[] {123.4f}, new String[] {"test"}, new long[] {9});
    }

    @Test
    void collectionHitDrawnFromLowerLeft() {
        ImageDataset data = oneHit();
        BufferedImage canvas = EventDisplay.render(data, 0);
        int size = data.height() * 4;
        int left = 56 + 2 * (size + 86);
        int bottom = 54 + size - 1;

        int hit = canvas.getRGB(left + 2 * 4 + 1, bottom - 1 * 4 - 1) & 0xFFFFFF;
        int empty = canvas.getRGB(left + 10 * 4 + 1, bottom - 10 * 4 - 1) & 0xFFFFFF;

        assertEquals(ColorMaps.sequential(1.0), hit);
        assertEquals(ColorMaps.sequential(0.0), empty);
    }

    @Test
    void inductionZeroIsWhite() {
        assertEquals(0xF7F7F7, ColorMaps.diverging(0.0));
    }

    @Test
    void inductionSignsUseDifferentColours() {
        assertNotEquals(ColorMaps.diverging(-1.0), ColorMaps.diverging(1.0));
    }

    @Test
    void writePngCreatesReadableImage() throws IOException {
        Path png = dir.resolve("event.png");

        EventDisplay.writePng(oneHit(), 0, png);

        BufferedImage read = ImageIO.read(png.toFile());
        assertTrue(read.getWidth() > 3 * 64, "width " + read.getWidth());
        assertEquals(List.of("event.png"), Files.list(dir).map(p -> p.getFileName().toString()).toList());
    }

    @Test
    void eventOutsideDatasetIsRejected() {
        assertThrows(IndexOutOfBoundsException.class, () -> EventDisplay.render(oneHit(), 1));
    }
}
