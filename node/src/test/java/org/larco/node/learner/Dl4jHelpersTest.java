package org.larco.node.learner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.larco.node.weights.Weights;

class Dl4jHelpersTest {

    private static final ModelSpec SPEC = ToyImages.spec();

    @Test
    void convolutionRunsInOneDnn() throws Exception {
        MultiLayerNetwork net = SPEC.build(1);

        assertTrue(Dl4jHelpers.helpersEnabled(), "nd4j-native build without oneDNN, or helpers disabled");
        assertEquals("MKLDNNConvHelper", helperOf(net.getLayer(1)).getClass().getSimpleName());
    }

    @Test
    void helperOutputMatchesJavaPath() throws Exception {
        MultiLayerNetwork withHelpers = SPEC.build(1);
        MultiLayerNetwork withoutHelpers = SPEC.build(1);
        for (Layer layer : withoutHelpers.getLayers()) {
            if (layer instanceof ConvolutionLayer || layer instanceof SubsamplingLayer) {
                fieldNamed(layer.getClass(), "helper").set(layer, null);
            }
        }
        Weights weights = Weights.initial(SPEC, 5);
        weights.copyInto(withHelpers);
        weights.copyInto(withoutHelpers);
        ImageBatches images = ImageBatches.of(SPEC, List.of(ToyImages.dataset(20, 3)), "test");

        float[][] expected = Dl4jTraining.predict(withoutHelpers, images);
        float[][] actual = Dl4jTraining.predict(withHelpers, images);

        for (int i = 0; i < expected.length; i++) {
            for (int c = 0; c < expected[i].length; c++) {
                assertEquals(expected[i][c], actual[i][c], 1e-5, "event " + i + " class " + c);
            }
        }
    }

    private static Object helperOf(Object layer) throws Exception {
        return fieldNamed(layer.getClass(), "helper").get(layer);
    }

    private static Field fieldNamed(Class<?> type, String name) throws Exception {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.getName().equals(name)) {
                    field.setAccessible(true);
                    return field;
                }
            }
        }
        throw new NoSuchFieldException(type.getName() + "." + name);
    }
}
