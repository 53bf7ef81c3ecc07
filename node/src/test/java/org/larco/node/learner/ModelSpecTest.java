package org.larco.node.learner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;

class ModelSpecTest {

    private static final ModelSpec DEFAULT = ModelSpec.defaultFor(3, 64, 64, 5);

    @Test
    void defaultSpecCanonicalJson() {
        String expected = "{\"format\":\"larco-model/1\",\"input\":{\"planes\":3,\"height\":64,\"width\":64,"
                + "\"scaling\":\"log1p-adc-threshold-8-clip-1000\"},\"classes\":5,\"layers\":["
                + "{\"type\":\"maxpool\",\"kernel\":2,\"stride\":2},"
                + "{\"type\":\"conv\",\"filters\":16,\"kernel\":3,\"stride\":1},"
                + "{\"type\":\"maxpool\",\"kernel\":2,\"stride\":2},"
                + "{\"type\":\"conv\",\"filters\":32,\"kernel\":3,\"stride\":1},"
                + "{\"type\":\"maxpool\",\"kernel\":2,\"stride\":2},"
                + "{\"type\":\"dense\",\"units\":64}]}";

        assertEquals(expected, new String(DEFAULT.canonicalBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void canonicalBytesRoundTrip() {
        ModelSpec parsed = ModelSpec.fromCanonicalBytes(DEFAULT.canonicalBytes());

        assertEquals(DEFAULT, parsed);
        assertArrayEquals(DEFAULT.sha256(), parsed.sha256());
    }

    @Test
    void parameterCountsMatchDl4j() {
        MultiLayerNetwork net = DEFAULT.build(1);
        long[] expected = DEFAULT.layerParameterCounts();

        assertEquals(expected.length, net.getLayers().length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], net.getLayer(i).numParams(), "layer " + i);
        }
        assertEquals(136_549, DEFAULT.parameterCount());
    }

    @Test
    void stridedConvParameterCountMatchesDl4j() {
        ModelSpec spec = new ModelSpec(2, 20, 12, 3,
                List.of(new LayerSpec.Conv(4, 5, 2), new LayerSpec.MaxPool(3, 2), new LayerSpec.Dense(7),
                        new LayerSpec.Dense(5)));

        assertEquals(spec.parameterCount(), spec.build(3).numParams());
    }

    @Test
    void sameSeedBuildsSameParameters() {
        float[] first = DEFAULT.build(42).params().toFloatVector();
        float[] second = DEFAULT.build(42).params().toFloatVector();

        assertArrayEquals(first, second);
    }

    @Test
    void nonCanonicalJsonIsRejected() {
        String spaced = new String(DEFAULT.canonicalBytes(), StandardCharsets.UTF_8).replace(",", ", ");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelSpec.fromCanonicalBytes(spaced.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("not in canonical form"), e.getMessage());
    }

    @Test
    void unknownLayerTypeIsRejected() {
        String json = new String(DEFAULT.canonicalBytes(), StandardCharsets.UTF_8).replace("\"dense\"", "\"lstm\"");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelSpec.fromCanonicalBytes(json.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("layers[5].type is \"lstm\""), e.getMessage());
    }

    @Test
    void unknownFieldIsRejected() {
        String json = new String(DEFAULT.canonicalBytes(), StandardCharsets.UTF_8)
                .replace("\"classes\":5", "\"classes\":5,\"dropout\":1");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelSpec.fromCanonicalBytes(json.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("unknown field model spec.dropout"), e.getMessage());
    }

    @Test
    void poolingBelowOnePixelIsRejected() {
        List<LayerSpec> layers = List.of(new LayerSpec.MaxPool(2, 2), new LayerSpec.MaxPool(2, 2),
                new LayerSpec.MaxPool(2, 2));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ModelSpec(1, 4, 4, 2, layers));
        assertTrue(e.getMessage().contains("maxpool layer 2"), e.getMessage());
    }

    @Test
    void convolutionAfterDenseIsRejected() {
        List<LayerSpec> layers = List.of(new LayerSpec.Dense(8), new LayerSpec.Conv(4, 3, 1));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ModelSpec(1, 8, 8, 2, layers));
        assertTrue(e.getMessage().contains("follows a dense layer"), e.getMessage());
    }
}
