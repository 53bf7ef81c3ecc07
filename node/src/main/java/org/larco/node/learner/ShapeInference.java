package org.larco.node.learner;

/**
 * Follows the activation shape through a {@link ModelSpec} to count each layer's parameters and
 * to reject layer stacks that shrink an axis below one value or convolve after a dense layer.
 */
final class ShapeInference {

    private ShapeInference() {
    }

    /** Returns the parameter count of each DL4J layer, the softmax output layer last. */
    static long[] parameterCounts(ModelSpec spec) {
        long[] counts = new long[spec.layers().size() + 1];
        long channels = spec.planes();
        long height = spec.height();
        long width = spec.width();
        long features = -1;

        for (int i = 0; i < spec.layers().size(); i++) {
            LayerSpec layer = spec.layers().get(i);
            if (layer instanceof LayerSpec.Dense dense) {
                long in = features > 0 ? features : channels * height * width;
                counts[i] = in * dense.units() + dense.units();
                features = dense.units();
                continue;
            }
            if (features > 0) {
                throw new IllegalArgumentException("invalid model spec: layer " + i + " ("
                        + layer.type() + ") follows a dense layer; put convolutions and pooling first");
            }
            if (layer instanceof LayerSpec.Conv conv) {
                counts[i] = channels * conv.kernel() * conv.kernel() * conv.filters() + conv.filters();
                channels = conv.filters();
                height = ceilDiv(height, conv.stride());
                width = ceilDiv(width, conv.stride());
            } else {
                LayerSpec.MaxPool pool = (LayerSpec.MaxPool) layer;
                if (height < pool.kernel() || width < pool.kernel()) {
                    throw new IllegalArgumentException("invalid model spec: maxpool layer " + i
                            + " has kernel " + pool.kernel() + " but its input is only " + height + "x"
                            + width + "; remove a pooling layer or use a smaller kernel");
                }
                height = (height - pool.kernel()) / pool.stride() + 1;
                width = (width - pool.kernel()) / pool.stride() + 1;
            }
        }

        long in = features > 0 ? features : channels * height * width;
        counts[counts.length - 1] = in * spec.classes() + spec.classes();
        return counts;
    }

    private static long ceilDiv(long value, long divisor) {
        return (value + divisor - 1) / divisor;
    }
}
