package org.larco.node.learner;

/**
 * One hidden layer of a {@link ModelSpec}. Convolutions use "same" padding, so their output is
 * {@code ceil(input / stride)} on each axis; max pooling uses no padding, so its output is
 * {@code floor((input - kernel) / stride) + 1}. Every hidden layer uses ReLU.
 */
public sealed interface LayerSpec {

    /** The layer's {@code type} value in the canonical JSON. */
    String type();

    /** A square 2D convolution over all input channels. */
    record Conv(int filters, int kernel, int stride) implements LayerSpec {
        public Conv {
            requirePositive("conv filters", filters);
            requirePositive("conv kernel", kernel);
            requirePositive("conv stride", stride);
        }

        @Override
        public String type() {
            return "conv";
        }
    }

    /** A square max pooling window. */
    record MaxPool(int kernel, int stride) implements LayerSpec {
        public MaxPool {
            requirePositive("maxpool kernel", kernel);
            requirePositive("maxpool stride", stride);
        }

        @Override
        public String type() {
            return "maxpool";
        }
    }

    /** A fully connected layer; the first one flattens the feature maps. */
    record Dense(int units) implements LayerSpec {
        public Dense {
            requirePositive("dense units", units);
        }

        @Override
        public String type() {
            return "dense";
        }
    }

    private static void requirePositive(String field, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(
                    "invalid model spec: " + field + " is " + value + ", expected a positive integer");
        }
    }
}
