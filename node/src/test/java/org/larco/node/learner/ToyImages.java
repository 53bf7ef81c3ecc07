package org.larco.node.learner;

import java.util.List;
import java.util.SplittableRandom;
import org.larco.lartpc.data.ImageDataset;
import org.larco.lartpc.data.LearnerSplits;

/**
 * Tiny separable images for tests: class c draws a bright track along wire row
 * {@code 2 + 3c} on plane {@code c mod planes}, over noise of a few ADC counts.
 */
public final class ToyImages {

    public static final List<String> CLASSES = List.of("electron", "gamma", "muon", "pion", "proton");
    public static final int PLANES = 3;
    public static final int SIZE = 16;

    private ToyImages() {
    }

    /** Returns {@code events} toy events with labels cycling through the classes. */
    public static ImageDataset dataset(int events, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] images = new float[events][];
        int[] labels = new int[events];
        for (int i = 0; i < events; i++) {
            labels[i] = i % CLASSES.size();
            images[i] = image(labels[i], random);
        }
        float[] energies = new float[events];
        String[] sources = new String[events];
        java.util.Arrays.fill(sources, "toy");
        long[] ids = new long[events];
        for (int i = 0; i < events; i++) {
            ids[i] = i;
        }
        return new ImageDataset(PLANES, SIZE, SIZE, CLASSES, images, labels, energies, sources, ids);
    }

    /** Returns train, vote and test splits of fresh toy events. */
    public static LearnerSplits splits(int train, int vote, int test, long seed) {
        return new LearnerSplits(dataset(train, seed), dataset(vote, seed + 1), dataset(test, seed + 2));
    }

    /** Returns the default model spec for toy images. */
    public static ModelSpec spec() {
        return ModelSpec.defaultFor(PLANES, SIZE, SIZE, CLASSES.size());
    }

    private static float[] image(int label, SplittableRandom random) {
        float[] image = new float[PLANES * SIZE * SIZE];
        for (int i = 0; i < image.length; i++) {
            image[i] = (float) (random.nextDouble() * 6 - 3);
        }
        int plane = label % PLANES;
        int wire = 2 + 3 * label;
        int start = random.nextInt(SIZE / 2);
        for (int timeBin = start; timeBin < start + SIZE / 2; timeBin++) {
            image[(plane * SIZE + wire) * SIZE + timeBin] += 60f + (float) random.nextDouble() * 40f;
        }
        return image;
    }
}
