package org.larco.node.bench;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.larco.lartpc.data.ImageDataset;
import org.larco.node.learner.InputScaling;
import org.larco.node.learner.ModelSpec;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** Pre-scaled training batches in dataset order, so a timed epoch measures DL4J alone. */
final class TrainingBatches {

    private final List<DataSet> batches;

    private TrainingBatches(List<DataSet> batches) {
        this.batches = batches;
    }

    static TrainingBatches of(ModelSpec spec, ImageDataset data, int batchSize) {
        List<DataSet> batches = new ArrayList<>();
        for (int from = 0; from < data.size(); from += batchSize) {
            int count = Math.min(batchSize, data.size() - from);
            float[] features = new float[count * spec.inputSize()];
            float[] labels = new float[count * spec.classes()];
            for (int row = 0; row < count; row++) {
                InputScaling.scaleInto(data.image(from + row), features, row * spec.inputSize());
                labels[row * spec.classes() + data.label(from + row)] = 1f;
            }
            batches.add(new DataSet(
                    Nd4j.create(features, new long[] {count, spec.planes(), spec.height(), spec.width()}, DataType.FLOAT),
                    Nd4j.create(labels, new long[] {count, spec.classes()}, DataType.FLOAT)));
        }
        return new TrainingBatches(batches);
    }

    void outputEpoch(MultiLayerNetwork net) {
        for (DataSet batch : batches) {
            net.output(batch.getFeatures(), false);
        }
    }

    void fitEpoch(MultiLayerNetwork net, int maxBatches) {
        for (int i = 0; i < batches.size() && i < maxBatches; i++) {
            net.fit(batches.get(i));
        }
    }
}
