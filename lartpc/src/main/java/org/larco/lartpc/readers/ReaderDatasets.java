package org.larco.lartpc.readers;

import org.larco.lartpc.data.ImageDataset;
import org.larco.lartpc.data.Task;

import java.util.Arrays;
import java.util.List;

/** Assembles the lists a reader collects into an {@link ImageDataset} of square 3-plane images. */
final class ReaderDatasets {

    private ReaderDatasets() {
    }

    static ImageDataset build(int imageSize, Task task, String source, List<float[]> images, List<Integer> labels,
                              List<Float> energies, List<Long> ids) {
        int n = images.size();
        int[] labelArray = new int[n];
        float[] energyArray = new float[n];
        long[] idArray = new long[n];
        for (int i = 0; i < n; i++) {
            labelArray[i] = labels.get(i);
            energyArray[i] = energies.get(i);
            idArray[i] = ids.get(i);
        }
        String[] sources = new String[n];
        Arrays.fill(sources, source);
        return ImageDataset.wrap(3, imageSize, imageSize, task.classNames(), images.toArray(new float[0][]),
                labelArray, energyArray, sources, idArray);
    }

    static void requireFile(java.nio.file.Path file) {
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new org.larco.lartpc.data.DatasetFormatException(file, "(file)", "file not found or not a regular file");
        }
    }

    static void requireImageSize(int imageSize) {
        if (imageSize < 8 || imageSize > 1024) {
            throw new IllegalArgumentException("invalid image size " + imageSize + ": use 8 to 1024 pixels");
        }
    }
}
