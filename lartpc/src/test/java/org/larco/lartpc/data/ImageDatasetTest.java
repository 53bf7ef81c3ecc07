package org.larco.lartpc.data;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ImageDatasetTest {

    static ImageDataset tiny(int events, String source) {
        float[][] images = new float[events][3 * 4 * 5];
        int[] labels = new int[events];
        float[] energies = new float[events];
        String[] sources = new String[events];
        long[] ids = new long[events];
        for (int i = 0; i < events; i++) {
            images[i][(2 * 4 + 1) * 5 + 3] = i + 1;
            labels[i] = i % 5;
            energies[i] = 10 * i;
            sources[i] = source;
            ids[i] = i;
        }
        return new ImageDataset(3, 4, 5, Task.SINGLE_PARTICLE.classNames(), images, labels, energies, sources, ids);
    }

    @Test
    void pixelUsesPlaneWireTimeOrder() {
        ImageDataset data = tiny(3, "a");

        assertEquals(3f, data.pixel(2, 2, 1, 3));
        assertEquals(3f, data.image(2)[(2 * 4 + 1) * 5 + 3]);
    }

    @Test
    void selectKeepsRequestedOrder() {
        ImageDataset selected = tiny(6, "a").select(new int[] {4, 1});

        assertEquals(2, selected.size());
        assertEquals(4, selected.label(0));
        assertEquals(10f, selected.energyMev(1));
    }

    @Test
    void sliceReturnsRange() {
        ImageDataset slice = tiny(6, "a").slice(2, 5);

        assertEquals(3, slice.size());
        assertEquals(2L, slice.eventId(0));
    }

    @Test
    void sliceOutsideRangeIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> tiny(3, "a").slice(2, 4));
    }

    @Test
    void concatJoinsInOrder() {
        ImageDataset joined = ImageDataset.concat(List.of(tiny(2, "a"), tiny(3, "b")));

        assertEquals(5, joined.size());
        assertEquals("b", joined.source(2));
        assertArrayEquals(tiny(3, "b").image(2), joined.image(4));
    }

    @Test
    void concatOfDifferentShapesIsRejected() {
        ImageDataset other = new ImageDataset(3, 4, 4, Task.SINGLE_PARTICLE.classNames(), new float[1][48],
                new int[1], new float[1], new String[] {"x"}, new long[1]);

        assertThrows(IllegalArgumentException.class, () -> ImageDataset.concat(List.of(tiny(1, "a"), other)));
    }

    @Test
    void labelOutsideClassesIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ImageDataset(3, 4, 5, Task.NEUTRINO.classNames(),
                new float[1][60], new int[] {3}, new float[1], new String[] {"x"}, new long[1]));
    }

    @Test
    void wrongImageLengthIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ImageDataset(3, 4, 5, Task.NEUTRINO.classNames(),
                new float[1][59], new int[1], new float[1], new String[] {"x"}, new long[1]));
    }

    @Test
    void imageReturnsCopy() {
        ImageDataset data = tiny(2, "a");
        data.image(1)[0] = 99f;

        assertEquals(0f, data.image(1)[0]);
    }
}
