package org.larco.node.learner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A classifier architecture as data: the input shape (wire planes as channels, wires, time bins),
 * the input scaling, the hidden layers and the number of classes. The last layer is always a
 * softmax over the classes trained with multi-class cross-entropy, so the spec does not list it.
 *
 * <p>The canonical form is compact JSON with fields in a fixed order; its SHA-256 is the
 * experiment's model spec hash. Instances are immutable and thread-safe.
 */
public final class ModelSpec {

    /** The {@code format} value of the canonical JSON; a change to its meaning needs a new one. */
    public static final String FORMAT = "larco-model/1";

    /** Default Adam learning rate of {@link #build(long)}; learners override it per config. */
    public static final double DEFAULT_LEARNING_RATE = 1e-3;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TOP_FIELDS = Set.of("format", "input", "classes", "layers");

    private final int planes;
    private final int height;
    private final int width;
    private final int classes;
    private final List<LayerSpec> layers;
    private final byte[] canonicalBytes;
    private final byte[] sha256;
    private final long[] layerParameterCounts;

    public ModelSpec(int planes, int height, int width, int classes, List<LayerSpec> layers) {
        requirePositive("input planes", planes);
        requirePositive("input height", height);
        requirePositive("input width", width);
        if (classes < 2) {
            throw new IllegalArgumentException(
                    "invalid model spec: classes is " + classes + ", expected at least 2");
        }
        this.planes = planes;
        this.height = height;
        this.width = width;
        this.classes = classes;
        this.layers = List.copyOf(layers);
        this.layerParameterCounts = ShapeInference.parameterCounts(this);
        this.canonicalBytes = writeCanonical().getBytes(StandardCharsets.UTF_8);
        this.sha256 = sha256Of(canonicalBytes);
    }

    /**
     * Returns the default multi-plane CNN, with the wire planes as input channels. A 2x2 max
     * pool first halves both axes and keeps each window's peak charge. Two blocks of a 3x3
     * convolution and a 2x2 max pool follow, with 16 and 32 filters, then a dense layer of 64
     * units. On 3x64x64 inputs that is 136,549 parameters. Pooling before the first convolution makes training
     * about three times faster than convolving at full resolution (see the node learner section
     * of BENCHMARKS.md).
     */
    public static ModelSpec defaultFor(int planes, int height, int width, int classes) {
        List<LayerSpec> layers = List.of(
                new LayerSpec.MaxPool(2, 2),
                new LayerSpec.Conv(16, 3, 1),
                new LayerSpec.MaxPool(2, 2),
                new LayerSpec.Conv(32, 3, 1),
                new LayerSpec.MaxPool(2, 2),
                new LayerSpec.Dense(64));
        return new ModelSpec(planes, height, width, classes, layers);
    }

    /**
     * Parses a canonical spec. Rejects unknown or missing fields and any byte sequence that is
     * not exactly the canonical form, so one architecture has exactly one hash.
     */
    public static ModelSpec fromCanonicalBytes(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "invalid model spec: not JSON (" + e.getOriginalMessage() + ")", e);
        }
        ModelSpec spec = SpecJson.parse(root);
        if (!Arrays.equals(spec.canonicalBytes, bytes)) {
            throw new IllegalArgumentException("invalid model spec: not in canonical form; expected "
                    + new String(spec.canonicalBytes, StandardCharsets.UTF_8) + " but got " + text);
        }
        return spec;
    }

    /** Returns a copy of the canonical JSON bytes (UTF-8). */
    public byte[] canonicalBytes() {
        return canonicalBytes.clone();
    }

    /** Returns the length of the canonical JSON in bytes. */
    public int canonicalLength() {
        return canonicalBytes.length;
    }

    /** Returns a copy of the SHA-256 of the canonical bytes. */
    public byte[] sha256() {
        return sha256.clone();
    }

    /** Returns the SHA-256 of the canonical bytes in lowercase hex. */
    public String sha256Hex() {
        return HexFormat.of().formatHex(sha256);
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

    public int classes() {
        return classes;
    }

    public List<LayerSpec> layers() {
        return layers;
    }

    /** Returns the number of values in one input image: planes x height x width. */
    public int inputSize() {
        return planes * height * width;
    }

    /** Returns the total number of trainable parameters, output layer included. */
    public long parameterCount() {
        return Arrays.stream(layerParameterCounts).sum();
    }

    /**
     * Returns the parameter count of each DL4J layer of {@link #build(long)}, in order; pooling
     * layers count 0 and the last entry is the softmax output layer.
     */
    public long[] layerParameterCounts() {
        return layerParameterCounts.clone();
    }

    /** Builds and initialises a network with the default learning rate. */
    public MultiLayerNetwork build(long seed) {
        return build(seed, DEFAULT_LEARNING_RATE);
    }

    /**
     * Builds and initialises a float32 network whose parameters are drawn from {@code seed}
     * (He initialisation for ReLU layers, Xavier for the output layer), trained with Adam.
     * {@link CacheMode#DEVICE} keeps each convolution's im2col buffer from the forward pass for
     * backpropagation, which DL4J otherwise recomputes. Convolution and pooling layers run in
     * oneDNN when {@link Dl4jHelpers} finds it in the native build.
     */
    public MultiLayerNetwork build(long seed, double learningRate) {
        Dl4jHelpers.enableIfAvailable();
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(new Adam(learningRate))
                .weightInit(WeightInit.RELU)
                .cacheMode(CacheMode.DEVICE)
                .list();
        for (LayerSpec layer : layers) {
            list.layer(toDl4jLayer(layer));
        }
        list.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                .nOut(classes)
                .activation(Activation.SOFTMAX)
                .weightInit(WeightInit.XAVIER)
                .build());
        MultiLayerConfiguration configuration = list
                .setInputType(InputType.convolutional(height, width, planes))
                .build();

        MultiLayerNetwork net = new MultiLayerNetwork(configuration);
        net.init();
        return net;
    }

    private static org.deeplearning4j.nn.conf.layers.Layer toDl4jLayer(LayerSpec layer) {
        if (layer instanceof LayerSpec.Conv conv) {
            return new ConvolutionLayer.Builder(conv.kernel(), conv.kernel())
                    .stride(conv.stride(), conv.stride())
                    .nOut(conv.filters())
                    .convolutionMode(ConvolutionMode.Same)
                    .activation(Activation.RELU)
                    .build();
        }
        if (layer instanceof LayerSpec.MaxPool pool) {
            return new SubsamplingLayer.Builder(PoolingType.MAX)
                    .kernelSize(pool.kernel(), pool.kernel())
                    .stride(pool.stride(), pool.stride())
                    .convolutionMode(ConvolutionMode.Truncate)
                    .build();
        }
        LayerSpec.Dense dense = (LayerSpec.Dense) layer;
        return new DenseLayer.Builder().nOut(dense.units()).activation(Activation.RELU).build();
    }

    private String writeCanonical() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        ObjectNode input = root.putObject("input");
        input.put("planes", planes);
        input.put("height", height);
        input.put("width", width);
        input.put("scaling", InputScaling.NAME);
        root.put("classes", classes);
        ArrayNode array = root.putArray("layers");
        for (LayerSpec layer : layers) {
            array.add(SpecJson.layerNode(JSON, layer));
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("failed to write model spec JSON", e);
        }
    }

    static Set<String> topFields() {
        return TOP_FIELDS;
    }

    static byte[] sha256Of(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static void requirePositive(String field, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(
                    "invalid model spec: " + field + " is " + value + ", expected a positive integer");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ModelSpec spec && Arrays.equals(canonicalBytes, spec.canonicalBytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sha256);
    }

    @Override
    public String toString() {
        return new String(canonicalBytes, StandardCharsets.UTF_8);
    }
}
