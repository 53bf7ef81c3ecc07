package org.larco.node.weights;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.larco.node.learner.ModelSpec;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A model's weights as the canonical blob whose SHA-256 the ledger records. Layout, all integers
 * little-endian:
 *
 * <pre>
 * offset 0             4 bytes  magic "LCWB"
 * offset 4             int32    format version, 1
 * offset 8             int32    S, length of the model spec in bytes
 * offset 12            int32    N, parameter count
 * offset 16            S bytes  the model spec's canonical JSON (UTF-8)
 * offset 16 + S        N x float32 little-endian, in DL4J's flattened parameter order
 * </pre>
 *
 * <p>DL4J's flattened order is the order of {@code MultiLayerNetwork.params()}: layer by layer,
 * and within a layer the order of its parameter initialiser. The blob has nothing after the last
 * parameter. Instances are immutable and thread-safe; accessors return copies.
 */
public final class Weights {

    /** The blob's first four bytes, ASCII "LCWB". */
    public static final byte[] MAGIC = "LCWB".getBytes(StandardCharsets.US_ASCII);

    /** The blob format version this class writes and reads. */
    public static final int FORMAT_VERSION = 1;

    /** Bytes before the model spec: magic, version, spec length, parameter count. */
    public static final int HEADER_BYTES = 16;

    /** Maximum length of the model spec in a blob. Real specs are a few hundred bytes. */
    public static final int MAX_SPEC_BYTES = 64 * 1024;

    private final ModelSpec spec;
    private final byte[] blob;
    private final byte[] sha256;

    private Weights(ModelSpec spec, byte[] blob) {
        this.spec = spec;
        this.blob = blob;
        this.sha256 = sha256Of(blob);
    }

    /** Creates weights from a spec and its parameters, checking count and finiteness. */
    public static Weights of(ModelSpec spec, float[] parameters) {
        requireParameterCount(spec, parameters.length);
        requireFinite(parameters);

        byte[] specBytes = spec.canonicalBytes();
        ByteBuffer buffer = ByteBuffer.allocate(HEADER_BYTES + specBytes.length + 4 * parameters.length)
                .order(ByteOrder.LITTLE_ENDIAN);
        buffer.put(MAGIC).putInt(FORMAT_VERSION).putInt(specBytes.length).putInt(parameters.length);
        buffer.put(specBytes);
        buffer.asFloatBuffer().put(parameters);
        return new Weights(spec, buffer.array());
    }

    /** Copies the parameters of {@code net}, which must have been built from {@code spec}. */
    public static Weights of(ModelSpec spec, MultiLayerNetwork net) {
        requireMatchingNetwork(spec, net);
        return of(spec, net.params().toFloatVector());
    }

    /** Returns the weights of a freshly initialised network, as a learner starts from. */
    public static Weights initial(ModelSpec spec, long seed) {
        return of(spec, spec.build(seed));
    }

    /**
     * Returns garbage weights for tests of the vote: every parameter drawn from a standard normal
     * distribution, far from any trained model and from DL4J's initialisation scale, so such a
     * model saturates its softmax and scores near chance.
     */
    public static Weights random(ModelSpec spec, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] parameters = new float[Math.toIntExact(spec.parameterCount())];
        for (int i = 0; i < parameters.length; i++) {
            parameters[i] = (float) gaussian(random);
        }
        return of(spec, parameters);
    }

    /**
     * Parses and validates a blob: magic, version, lengths, the model spec's canonical form, the
     * parameter count against the spec and that every parameter is finite.
     *
     * @throws IllegalArgumentException naming the first check that failed
     */
    public static Weights fromBlob(byte[] blob) {
        return BlobReader.read(blob.clone());
    }

    static Weights fromValidatedBlob(ModelSpec spec, byte[] blob) {
        return new Weights(spec, blob);
    }

    /** Returns a copy of the canonical blob. */
    public byte[] blob() {
        return blob.clone();
    }

    /** Returns the blob's length in bytes. */
    public int sizeBytes() {
        return blob.length;
    }

    /** Returns a copy of the SHA-256 of the blob. */
    public byte[] sha256() {
        return sha256.clone();
    }

    /** Returns the SHA-256 of the blob in lowercase hex. */
    public String sha256Hex() {
        return HexFormat.of().formatHex(sha256);
    }

    public ModelSpec spec() {
        return spec;
    }

    /** Returns the number of parameters. */
    public int parameterCount() {
        return (blob.length - HEADER_BYTES - spec.canonicalLength()) / Float.BYTES;
    }

    /** Returns a copy of the parameters in DL4J's flattened order. */
    public float[] parameters() {
        float[] parameters = new float[parameterCount()];
        ByteBuffer.wrap(blob, HEADER_BYTES + spec.canonicalLength(), parameters.length * Float.BYTES)
                .order(ByteOrder.LITTLE_ENDIAN)
                .asFloatBuffer()
                .get(parameters);
        return parameters;
    }

    /**
     * Sets the parameters of {@code net} to these weights.
     *
     * @throws IllegalArgumentException if the network's layers do not match this spec's
     *     parameter counts, which is how a network built from another spec shows
     */
    public void copyInto(MultiLayerNetwork net) {
        requireMatchingNetwork(spec, net);
        float[] parameters = parameters();
        net.setParams(Nd4j.create(parameters, new long[] {1, parameters.length}, DataType.FLOAT));
    }

    private static void requireMatchingNetwork(ModelSpec spec, MultiLayerNetwork net) {
        long[] expected = spec.layerParameterCounts();
        Layer[] layers = net.getLayers();
        long[] actual = new long[layers.length];
        for (int i = 0; i < layers.length; i++) {
            actual[i] = layers[i].numParams();
        }
        if (!Arrays.equals(expected, actual)) {
            throw new IllegalArgumentException("network does not match model spec " + spec.sha256Hex()
                    + ": per-layer parameter counts are " + Arrays.toString(actual) + ", spec expects "
                    + Arrays.toString(expected) + "; build the network with ModelSpec.build");
        }
    }

    static void requireParameterCount(ModelSpec spec, long count) {
        if (count != spec.parameterCount()) {
            throw new IllegalArgumentException("invalid weights: " + count + " parameters, but model spec "
                    + spec.sha256Hex() + " has " + spec.parameterCount());
        }
    }

    static void requireFinite(float[] parameters) {
        for (int i = 0; i < parameters.length; i++) {
            if (!Float.isFinite(parameters[i])) {
                throw new IllegalArgumentException("invalid weights: parameter " + i + " is "
                        + parameters[i] + "; weights must be finite");
            }
        }
    }

    private static double gaussian(SplittableRandom random) {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    private static byte[] sha256Of(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Weights weights && Arrays.equals(sha256, weights.sha256)
                && Arrays.equals(blob, weights.blob);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sha256);
    }

    @Override
    public String toString() {
        return "Weights{sha256=" + sha256Hex() + ", parameters=" + parameterCount()
                + ", spec=" + spec.sha256Hex() + "}";
    }
}
