package org.larco.node.learner;

import java.util.List;
import org.larco.lartpc.data.ImageDataset;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One or more datasets seen as one sequence of events, turned into scaled network inputs batch
 * by batch, so the node keeps no second copy of the images. Immutable and thread-safe.
 */
final class ImageBatches {

    private final ModelSpec spec;
    private final List<ImageDataset> datasets;
    private final int[] starts;
    private final int size;

    private ImageBatches(ModelSpec spec, List<ImageDataset> datasets) {
        this.spec = spec;
        this.datasets = List.copyOf(datasets);
        this.starts = new int[datasets.size()];
        int total = 0;
        for (int i = 0; i < datasets.size(); i++) {
            starts[i] = total;
            total += datasets.get(i).size();
        }
        this.size = total;
    }

    /**
     * Checks that every dataset matches the spec's input shape and class count, then wraps them.
     *
     * @param role what the data is for ("train", "vote", "test"), named in errors
     */
    static ImageBatches of(ModelSpec spec, List<ImageDataset> datasets, String role) {
        for (ImageDataset dataset : datasets) {
            requireMatchingShape(spec, dataset, role);
        }
        ImageBatches batches = new ImageBatches(spec, datasets);
        if (batches.size == 0) {
            throw new IllegalArgumentException(role + " set is empty; give each learner at least one "
                    + role + " event");
        }
        return batches;
    }

    int size() {
        return size;
    }

    int label(int index) {
        int d = datasetOf(index);
        return datasets.get(d).label(index - starts[d]);
    }

    /** Returns the events {@code order[from..to)} as a training batch with one-hot labels. */
    DataSet batch(int[] order, int from, int to) {
        int count = to - from;
        float[] features = new float[count * spec.inputSize()];
        float[] labels = new float[count * spec.classes()];
        for (int row = 0; row < count; row++) {
            int index = order[from + row];
            scaleInto(index, features, row * spec.inputSize());
            labels[row * spec.classes() + label(index)] = 1f;
        }
        return new DataSet(featureArray(features, count),
                Nd4j.create(labels, new long[] {count, spec.classes()}, DataType.FLOAT));
    }

    /** Returns the scaled inputs of events {@code [from, to)} in dataset order. */
    INDArray features(int from, int to) {
        int count = to - from;
        float[] features = new float[count * spec.inputSize()];
        for (int row = 0; row < count; row++) {
            scaleInto(from + row, features, row * spec.inputSize());
        }
        return featureArray(features, count);
    }

    private void scaleInto(int index, float[] out, int offset) {
        int d = datasetOf(index);
        InputScaling.scaleInto(datasets.get(d).image(index - starts[d]), out, offset);
    }

    private INDArray featureArray(float[] features, int count) {
        return Nd4j.create(features, new long[] {count, spec.planes(), spec.height(), spec.width()}, DataType.FLOAT);
    }

    private int datasetOf(int index) {
        for (int d = starts.length - 1; d >= 0; d--) {
            if (index >= starts[d]) {
                return d;
            }
        }
        throw new IndexOutOfBoundsException("event " + index + " outside 0.." + size);
    }

    private static void requireMatchingShape(ModelSpec spec, ImageDataset dataset, String role) {
        boolean shapeMatches = dataset.planes() == spec.planes() && dataset.height() == spec.height()
                && dataset.width() == spec.width();
        if (!shapeMatches) {
            throw new IllegalArgumentException(role + " set images are " + dataset.planes() + "x"
                    + dataset.height() + "x" + dataset.width() + " (planes x wires x time bins), but model spec "
                    + spec.sha256Hex() + " expects " + spec.planes() + "x" + spec.height() + "x" + spec.width()
                    + "; generate data with the experiment's image size");
        }
        if (dataset.classNames().size() != spec.classes()) {
            throw new IllegalArgumentException(role + " set has " + dataset.classNames().size()
                    + " classes " + dataset.classNames() + ", but model spec " + spec.sha256Hex()
                    + " expects " + spec.classes());
        }
    }
}
