package org.larco.lartpc.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Labelled wire-plane images with their truth, immutable.
 *
 * <p>An image is {@code planes x height x width} floats at index
 * {@code (plane * height + wire) * width + timeBin}: pedestal-subtracted ADC counts, averaged over
 * the ticks of a time pixel. Plane order is induction U, induction V, collection.
 */
public final class ImageDataset {

    private final int planes;
    private final int height;
    private final int width;
    private final List<String> classNames;
    private final float[][] images;
    private final int[] labels;
    private final float[] energiesMev;
    private final String[] sources;
    private final long[] eventIds;

    /**
     * Creates a dataset; arrays are copied.
     *
     * @param images      one array of {@code planes * height * width} per event
     * @param labels      class index per event
     * @param energiesMev true kinetic energy (single particle) or neutrino energy per event
     * @param sources     name of the configuration or file that produced each event
     * @param eventIds    generator event number (or entry in the source file) per event
     * @throws IllegalArgumentException when lengths or labels are inconsistent
     */
    public ImageDataset(int planes, int height, int width, List<String> classNames, float[][] images,
                        int[] labels, float[] energiesMev, String[] sources, long[] eventIds) {
        this(planes, height, width, classNames, copyRows(images), labels.clone(), energiesMev.clone(), sources.clone(),
                eventIds.clone(), true);
        validate();
    }

    private static float[][] copyRows(float[][] images) {
        float[][] copy = new float[images.length][];
        for (int i = 0; i < images.length; i++) {
            copy[i] = images[i] == null ? null : images[i].clone();
        }
        return copy;
    }

    /**
     * Creates a dataset that takes over the given arrays without copying them, which halves the
     * memory needed to build a large dataset. The caller must not change the arrays afterwards.
     *
     * @throws IllegalArgumentException when lengths or labels are inconsistent
     */
    public static ImageDataset wrap(int planes, int height, int width, List<String> classNames, float[][] images,
                                    int[] labels, float[] energiesMev, String[] sources, long[] eventIds) {
        ImageDataset checked = adopt(planes, height, width, classNames, images, labels, energiesMev, sources, eventIds);
        checked.validate();
        return checked;
    }

    /** Wraps arrays without copying or checking; the caller hands them over. */
    static ImageDataset adopt(int planes, int height, int width, List<String> classNames, float[][] images,
                              int[] labels, float[] energiesMev, String[] sources, long[] eventIds) {
        return new ImageDataset(planes, height, width, classNames, images, labels, energiesMev, sources, eventIds, true);
    }

    /** Stores the arrays as given. The unused {@code adopted} flag distinguishes this constructor from the public one. */
    private ImageDataset(int planes, int height, int width, List<String> classNames, float[][] images,
                         int[] labels, float[] energiesMev, String[] sources, long[] eventIds, boolean adopted) {
        this.planes = planes;
        this.height = height;
        this.width = width;
        this.classNames = List.copyOf(classNames);
        this.images = images;
        this.labels = labels;
        this.energiesMev = energiesMev;
        this.sources = sources;
        this.eventIds = eventIds;
    }

    public int size() {
        return images.length;
    }

    public int planes() {
        return planes;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    public List<String> classNames() {
        return classNames;
    }

    /** Returns a copy of event {@code i}'s image. */
    public float[] image(int i) {
        return images[checkIndex(i)].clone();
    }

    /** Returns one pixel without copying the image. */
    public float pixel(int i, int plane, int wire, int timeBin) {
        return images[checkIndex(i)][(plane * height + wire) * width + timeBin];
    }

    public int label(int i) {
        return labels[checkIndex(i)];
    }

    /** Returns the true energy in MeV: kinetic energy of the particle, or the neutrino energy. */
    public float energyMev(int i) {
        return energiesMev[checkIndex(i)];
    }

    /** Returns the name of the configuration or file the event came from. */
    public String source(int i) {
        return sources[checkIndex(i)];
    }

    public long eventId(int i) {
        return eventIds[checkIndex(i)];
    }

    /** Returns the number of events per class, in label order. */
    public int[] classCounts() {
        int[] counts = new int[classNames.size()];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    /** Returns the events at {@code indices}, in that order (repeats allowed). */
    public ImageDataset select(int[] indices) {
        int n = indices.length;
        float[][] selectedImages = new float[n][];
        int[] selectedLabels = new int[n];
        float[] selectedEnergies = new float[n];
        String[] selectedSources = new String[n];
        long[] selectedIds = new long[n];
        for (int k = 0; k < n; k++) {
            int i = checkIndex(indices[k]);
            selectedImages[k] = images[i];
            selectedLabels[k] = labels[i];
            selectedEnergies[k] = energiesMev[i];
            selectedSources[k] = sources[i];
            selectedIds[k] = eventIds[i];
        }
        return adopt(planes, height, width, classNames, selectedImages, selectedLabels, selectedEnergies,
                selectedSources, selectedIds);
    }

    /** Returns events {@code from} (inclusive) to {@code to} (exclusive). */
    public ImageDataset slice(int from, int to) {
        if (from < 0 || to > size() || from > to) {
            throw new IllegalArgumentException("invalid slice [" + from + ", " + to + ") of a dataset of "
                    + size() + " events");
        }
        int[] indices = new int[to - from];
        Arrays.setAll(indices, k -> from + k);
        return select(indices);
    }

    /**
     * Joins datasets of the same shape and classes, in order.
     *
     * @throws IllegalArgumentException when the list is empty or shapes or classes differ
     */
    public static ImageDataset concat(List<ImageDataset> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("cannot concatenate an empty list of datasets");
        }
        ImageDataset first = parts.get(0);
        int total = 0;
        for (ImageDataset part : parts) {
            if (part.planes != first.planes || part.height != first.height || part.width != first.width
                    || !part.classNames.equals(first.classNames)) {
                throw new IllegalArgumentException("cannot concatenate a " + part.shapeText() + " dataset with classes "
                        + part.classNames + " to a " + first.shapeText() + " dataset with classes " + first.classNames);
            }
            total += part.size();
        }
        List<float[]> images = new ArrayList<>(total);
        int[] labels = new int[total];
        float[] energies = new float[total];
        String[] sources = new String[total];
        long[] ids = new long[total];
        int offset = 0;
        for (ImageDataset part : parts) {
            images.addAll(Arrays.asList(part.images));
            System.arraycopy(part.labels, 0, labels, offset, part.size());
            System.arraycopy(part.energiesMev, 0, energies, offset, part.size());
            System.arraycopy(part.sources, 0, sources, offset, part.size());
            System.arraycopy(part.eventIds, 0, ids, offset, part.size());
            offset += part.size();
        }
        return adopt(first.planes, first.height, first.width, first.classNames, images.toArray(new float[0][]),
                labels, energies, sources, ids);
    }

    private void validate() {
        if (planes <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException("invalid image shape " + shapeText() + ": every dimension must be > 0");
        }
        int size = images.length;
        requireLength("labels", labels.length, size);
        requireLength("energiesMev", energiesMev.length, size);
        requireLength("sources", sources.length, size);
        requireLength("eventIds", eventIds.length, size);
        for (int i = 0; i < size; i++) {
            if (images[i] == null || images[i].length != planes * height * width) {
                throw new IllegalArgumentException("image " + i + " has " + (images[i] == null ? "no" : images[i].length)
                        + " values, expected " + shapeText() + " = " + planes * height * width);
            }
            if (labels[i] < 0 || labels[i] >= classNames.size()) {
                throw new IllegalArgumentException("label " + labels[i] + " of event " + i + " is outside 0.."
                        + (classNames.size() - 1) + " for classes " + classNames);
            }
        }
    }

    /** Returns "planes x height x width". */
    public String shapeText() {
        return planes + "x" + height + "x" + width;
    }

    float[][] rawImages() {
        return images;
    }

    int[] rawLabels() {
        return labels;
    }

    float[] rawEnergies() {
        return energiesMev;
    }

    String[] rawSources() {
        return sources;
    }

    long[] rawEventIds() {
        return eventIds;
    }

    private int checkIndex(int i) {
        return Objects.checkIndex(i, images.length);
    }

    private static void requireLength(String field, int actual, int expected) {
        if (actual != expected) {
            throw new IllegalArgumentException(field + " has " + actual + " entries, expected one per image ("
                    + expected + ")");
        }
    }

    @Override
    public String toString() {
        return "ImageDataset[" + size() + " events, " + shapeText() + ", classes " + classNames + "]";
    }
}
