package org.larco.node.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.larco.node.learner.LayerSpec;
import org.larco.node.learner.ModelSpec;

class WeightsTest {

    private static final ModelSpec SPEC = ModelSpec.defaultFor(3, 16, 16, 5);
    private static final Weights INITIAL = Weights.initial(SPEC, 7);

    @Test
    void blobRoundTripIsByteIdentical() {
        Weights parsed = Weights.fromBlob(INITIAL.blob());

        assertArrayEquals(INITIAL.blob(), parsed.blob());
        assertEquals(INITIAL.sha256Hex(), parsed.sha256Hex());
        assertEquals(SPEC, parsed.spec());
    }

    @Test
    void hashIsSha256OfBlob() throws Exception {
        byte[] expected = MessageDigest.getInstance("SHA-256").digest(INITIAL.blob());

        assertArrayEquals(expected, INITIAL.sha256());
        assertEquals(HexFormat.of().formatHex(expected), INITIAL.sha256Hex());
    }

    @Test
    void sameSeedGivesSameHash() {
        assertEquals(INITIAL.sha256Hex(), Weights.initial(SPEC, 7).sha256Hex());
        assertNotEquals(INITIAL.sha256Hex(), Weights.initial(SPEC, 8).sha256Hex());
    }

    @Test
    void headerLayout() {
        ByteBuffer blob = ByteBuffer.wrap(INITIAL.blob()).order(ByteOrder.LITTLE_ENDIAN);
        int specLength = SPEC.canonicalBytes().length;

        assertEquals("LCWB", new String(INITIAL.blob(), 0, 4, StandardCharsets.US_ASCII));
        assertEquals(1, blob.getInt(4));
        assertEquals(specLength, blob.getInt(8));
        assertEquals(SPEC.parameterCount(), blob.getInt(12));
        assertArrayEquals(SPEC.canonicalBytes(), Arrays.copyOfRange(INITIAL.blob(), 16, 16 + specLength));
        assertEquals(16 + specLength + 4 * SPEC.parameterCount(), INITIAL.sizeBytes());
    }

    @Test
    void parametersAreLittleEndianInDl4jOrder() {
        MultiLayerNetwork net = SPEC.build(7);
        float[] expected = net.params().toFloatVector();
        ByteBuffer blob = ByteBuffer.wrap(INITIAL.blob()).order(ByteOrder.LITTLE_ENDIAN);
        int offset = 16 + SPEC.canonicalBytes().length;

        assertEquals(expected[0], blob.getFloat(offset));
        assertEquals(expected[expected.length - 1], blob.getFloat(offset + 4 * (expected.length - 1)));
        assertArrayEquals(expected, INITIAL.parameters());
    }

    @Test
    void copyIntoNetworkRoundTrip() {
        MultiLayerNetwork net = SPEC.build(99);

        INITIAL.copyInto(net);

        assertEquals(INITIAL.sha256Hex(), Weights.of(SPEC, net).sha256Hex());
    }

    @Test
    void copyIntoNetworkOfOtherSpecIsRejected() {
        ModelSpec other = new ModelSpec(3, 16, 16, 5, List.of(new LayerSpec.Dense(4)));
        MultiLayerNetwork net = other.build(1);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> INITIAL.copyInto(net));
        assertTrue(e.getMessage().contains("does not match model spec"), e.getMessage());
    }

    @Test
    void truncatedBlobIsRejected() {
        byte[] blob = INITIAL.blob();
        byte[] truncated = Arrays.copyOf(blob, blob.length - 3);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Weights.fromBlob(truncated));
        assertTrue(e.getMessage().contains("truncated or padded"), e.getMessage());
    }

    @Test
    void blobShorterThanHeaderIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Weights.fromBlob(new byte[] {'L', 'C', 'W'}));
        assertTrue(e.getMessage().contains("shorter than the 16-byte header"), e.getMessage());
    }

    @Test
    void wrongMagicIsRejected() {
        byte[] blob = INITIAL.blob();
        blob[0] = 'X';

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Weights.fromBlob(blob));
        assertTrue(e.getMessage().contains("not a LArCo weights blob"), e.getMessage());
    }

    @Test
    void unknownVersionIsRejected() {
        byte[] blob = INITIAL.blob();
        ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 2);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Weights.fromBlob(blob));
        assertTrue(e.getMessage().contains("format version is 2"), e.getMessage());
    }

    @Test
    void specWithOtherParameterCountIsRejected() {
        byte[] blob = INITIAL.blob();
        int specStart = 16;
        String spec = new String(blob, specStart, SPEC.canonicalBytes().length, StandardCharsets.UTF_8);
        byte[] edited = spec.replace("\"units\":64", "\"units\":65").getBytes(StandardCharsets.UTF_8);
        System.arraycopy(edited, 0, blob, specStart, edited.length);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Weights.fromBlob(blob));
        assertTrue(e.getMessage().contains("parameters, but model spec"), e.getMessage());
    }

    @Test
    void specThatIsNotCanonicalIsRejected() {
        byte[] blob = INITIAL.blob();
        int at = 16 + new String(SPEC.canonicalBytes(), StandardCharsets.UTF_8).indexOf("\"classes\"");
        blob[at - 1] = ' ';

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Weights.fromBlob(blob));
        assertTrue(e.getMessage().startsWith("invalid weights blob: invalid model spec"), e.getMessage());
    }

    @Test
    void nonFiniteParameterIsRejected() {
        byte[] blob = INITIAL.blob();
        ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN).putFloat(blob.length - 4, Float.NaN);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Weights.fromBlob(blob));
        assertTrue(e.getMessage().contains("is NaN"), e.getMessage());
    }

    @Test
    void wrongParameterCountIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Weights.of(SPEC, new float[10]));
        assertTrue(e.getMessage().contains("10 parameters"), e.getMessage());
    }

    @Test
    void randomWeightsDependOnSeed() {
        assertEquals(Weights.random(SPEC, 1).sha256Hex(), Weights.random(SPEC, 1).sha256Hex());
        assertNotEquals(Weights.random(SPEC, 1).sha256Hex(), Weights.random(SPEC, 2).sha256Hex());
    }

    @Test
    void blobIsDefensivelyCopied() {
        byte[] blob = INITIAL.blob();
        blob[20] ^= 1;

        assertNotEquals(blob[20], INITIAL.blob()[20]);
    }
}
