package org.larco.node.learner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** Reads and writes the JSON of a {@link ModelSpec}, naming the offending field on bad input. */
final class SpecJson {

    private static final Set<String> INPUT_FIELDS = Set.of("planes", "height", "width", "scaling");

    private SpecJson() {
    }

    static ObjectNode layerNode(ObjectMapper json, LayerSpec layer) {
        ObjectNode node = json.createObjectNode();
        node.put("type", layer.type());
        if (layer instanceof LayerSpec.Conv conv) {
            node.put("filters", conv.filters());
            node.put("kernel", conv.kernel());
            node.put("stride", conv.stride());
        } else if (layer instanceof LayerSpec.MaxPool pool) {
            node.put("kernel", pool.kernel());
            node.put("stride", pool.stride());
        } else {
            node.put("units", ((LayerSpec.Dense) layer).units());
        }
        return node;
    }

    static ModelSpec parse(JsonNode root) {
        requireObject(root, "model spec");
        requireFields(root, "model spec", ModelSpec.topFields());
        String format = text(root, "format");
        if (!ModelSpec.FORMAT.equals(format)) {
            throw new IllegalArgumentException("invalid model spec: format is \"" + format
                    + "\", expected \"" + ModelSpec.FORMAT + "\"");
        }

        JsonNode input = root.get("input");
        requireObject(input, "input");
        requireFields(input, "input", INPUT_FIELDS);
        String scaling = text(input, "scaling");
        if (!InputScaling.NAME.equals(scaling)) {
            throw new IllegalArgumentException("invalid model spec: input.scaling is \"" + scaling
                    + "\", expected \"" + InputScaling.NAME + "\"");
        }

        JsonNode layersNode = root.get("layers");
        if (!layersNode.isArray()) {
            throw new IllegalArgumentException("invalid model spec: layers must be an array");
        }
        List<LayerSpec> layers = new ArrayList<>();
        for (int i = 0; i < layersNode.size(); i++) {
            layers.add(parseLayer(layersNode.get(i), i));
        }
        return new ModelSpec(integer(input, "planes"), integer(input, "height"),
                integer(input, "width"), integer(root, "classes"), layers);
    }

    private static LayerSpec parseLayer(JsonNode node, int index) {
        String where = "layers[" + index + "]";
        requireObject(node, where);
        String type = text(node, "type");
        switch (type) {
            case "conv" -> {
                requireFields(node, where, Set.of("type", "filters", "kernel", "stride"));
                return new LayerSpec.Conv(integer(node, "filters"), integer(node, "kernel"),
                        integer(node, "stride"));
            }
            case "maxpool" -> {
                requireFields(node, where, Set.of("type", "kernel", "stride"));
                return new LayerSpec.MaxPool(integer(node, "kernel"), integer(node, "stride"));
            }
            case "dense" -> {
                requireFields(node, where, Set.of("type", "units"));
                return new LayerSpec.Dense(integer(node, "units"));
            }
            default -> throw new IllegalArgumentException("invalid model spec: " + where
                    + ".type is \"" + type + "\", expected conv, maxpool or dense");
        }
    }

    private static void requireObject(JsonNode node, String where) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("invalid model spec: " + where + " must be a JSON object");
        }
    }

    private static void requireFields(JsonNode node, String where, Set<String> expected) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!expected.contains(name)) {
                throw new IllegalArgumentException("invalid model spec: unknown field " + where + "."
                        + name + "; expected only " + expected);
            }
        }
        for (String name : expected) {
            if (!node.has(name)) {
                throw new IllegalArgumentException("invalid model spec: missing field " + where + "." + name);
            }
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("invalid model spec: " + field + " must be a string");
        }
        return value.textValue();
    }

    private static int integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isInt()) {
            throw new IllegalArgumentException("invalid model spec: " + field + " must be a 32-bit integer");
        }
        return value.intValue();
    }
}
