package org.larco.lartpc.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Reads presets and configuration files, merges overrides onto a base preset and validates. */
final class ConfigLoader {

    static final List<String> PRESET_NAMES = List.of("microboone", "dune-fd", "icarus");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private ConfigLoader() {
    }

    static DetectorConfig preset(String name) {
        if (name == null || !PRESET_NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown preset '" + name + "': valid presets are "
                    + String.join(", ", PRESET_NAMES));
        }
        DetectorConfig config = parse(presetTree(name), "preset " + name);
        ConfigValidator.validate(config, "preset " + name);
        return config;
    }

    static DetectorConfig load(Path file) {
        JsonNode tree = readTree(file);
        if (!tree.isObject()) {
            throw new IllegalArgumentException("invalid configuration file " + file
                    + ": expected a mapping of keys at the top level");
        }
        ObjectNode merged = (ObjectNode) tree;
        JsonNode base = merged.remove("base");
        if (base != null) {
            ObjectNode baseTree = presetTreeForBase(base.asText(), file);
            merge(baseTree, merged);
            merged = baseTree;
        }
        DetectorConfig config = parse(merged, "configuration file " + file);
        ConfigValidator.validate(config, "configuration file " + file);
        return config;
    }

    static String toJson(DetectorConfig config) {
        try {
            return JSON.writeValueAsString(config);
        } catch (JacksonException e) {
            throw new IllegalStateException("failed to write configuration " + config.name() + " as JSON", e);
        }
    }

    private static ObjectNode presetTreeForBase(String base, Path file) {
        if (!PRESET_NAMES.contains(base)) {
            throw new IllegalArgumentException("invalid key 'base' in configuration file " + file
                    + ": unknown preset '" + base + "', valid presets are " + String.join(", ", PRESET_NAMES));
        }
        return presetTree(base);
    }

    private static ObjectNode presetTree(String name) {
        String resource = name + ".yaml";
        try (InputStream in = ConfigLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("preset resource " + resource + " missing from the lartpc jar");
            }
            return (ObjectNode) YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("failed to read preset resource " + resource, e);
        }
    }

    private static JsonNode readTree(Path file) {
        ObjectMapper mapper = file.toString().endsWith(".json") ? JSON : YAML;
        try {
            JsonNode tree = mapper.readTree(Files.readString(file));
            if (tree == null || tree.isMissingNode()) {
                throw new IllegalArgumentException("configuration file " + file + " is empty");
            }
            return tree;
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("configuration file " + file + " not found", e);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("invalid configuration file " + file + ": "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("failed to read configuration file " + file, e);
        }
    }

    /** Copies every key of {@code override} into {@code target}, merging nested mappings. */
    private static void merge(ObjectNode target, ObjectNode override) {
        for (Map.Entry<String, JsonNode> field : override.properties()) {
            JsonNode existing = target.get(field.getKey());
            if (existing instanceof ObjectNode existingObject && field.getValue() instanceof ObjectNode overrideObject
                    && !"classPriors".equals(field.getKey())) {
                merge(existingObject, overrideObject);
            } else {
                target.set(field.getKey(), field.getValue());
            }
        }
    }

    private static DetectorConfig parse(JsonNode tree, String origin) {
        try {
            return JSON.treeToValue(tree, DetectorConfig.class);
        } catch (UnrecognizedPropertyException e) {
            throw new IllegalArgumentException("invalid " + origin + ": unknown key '" + e.getPropertyName()
                    + "' at " + e.getPathReference() + "; valid keys there are " + e.getKnownPropertyIds(), e);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("invalid " + origin + ": " + e.getOriginalMessage()
                    + " at " + pathOf(e), e);
        }
    }

    private static String pathOf(JacksonException e) {
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping) {
            return mapping.getPathReference();
        }
        return "unknown location";
    }
}
