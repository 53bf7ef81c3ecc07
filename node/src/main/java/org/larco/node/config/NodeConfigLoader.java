package org.larco.node.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.larco.node.config.NodeConfig.ChainMode;
import org.larco.node.config.NodeConfig.ChainSettings;
import org.larco.node.config.NodeConfig.DataSettings;
import org.larco.node.config.NodeConfig.LearnerSettings;

/**
 * Reads and validates a node's YAML configuration. Every rejection names the key, the value and
 * the fix; relative paths resolve against the folder of the configuration file.
 */
public final class NodeConfigLoader {

    private static final Set<String> TOP_LEVEL_KEYS =
            Set.of("name", "key", "home", "http", "chain", "data", "learner", "token");

    private NodeConfigLoader() {
    }

    /** Loads {@code file}; throws {@link InvalidConfigException} for a missing file or a bad value. */
    public static NodeConfig load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidConfigException("node config " + file + " not found; pass an existing YAML file with --config");
        }
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new InvalidConfigException("node config " + file + " is not valid YAML: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidConfigException("node config " + file + " must be a YAML mapping with keys " + TOP_LEVEL_KEYS);
        }
        Path baseDir = file.toAbsolutePath().getParent();
        return parse(root, baseDir, file.toString());
    }

    static NodeConfig parse(JsonNode root, Path baseDir, String source) {
        Reader reader = new Reader(source, baseDir);
        reader.rejectUnknownKeys(root, "", TOP_LEVEL_KEYS);

        String name = reader.requiredText(root, "name");
        if (!name.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw reader.invalid("name", name, "use 1 to 64 letters, digits, '.', '_' or '-'");
        }
        Path keyFile = reader.path(reader.requiredText(root, "key"));
        Path home = reader.path(reader.requiredText(root, "home"));

        JsonNode http = reader.object(root, "http");
        reader.rejectUnknownKeys(http, "http.", Set.of("host", "port", "endpoint"));
        String httpHost = reader.optionalText(http, "host").orElse("127.0.0.1");
        int httpPort = reader.intInRange(http, "http.port", "port", 8081, 0, 65535);
        Optional<String> endpoint = reader.optionalText(http, "endpoint");
        endpoint.ifPresent(value -> reader.uri("http.endpoint", value));

        ChainSettings chain = readChain(reader, reader.object(root, "chain"));
        DataSettings data = readData(reader, reader.object(root, "data"));
        LearnerSettings learner = readLearner(reader, reader.object(root, "learner"));
        Optional<String> token = reader.optionalText(root, "token");

        return new NodeConfig(name, keyFile, home, httpHost, httpPort, endpoint, chain, data, learner, token);
    }

    private static ChainSettings readChain(Reader reader, JsonNode chain) {
        reader.rejectUnknownKeys(chain, "chain.", Set.of("mode", "rpc", "chainId", "genesis"));
        String modeText = reader.optionalText(chain, "mode").orElse("cometbft");
        ChainMode mode;
        try {
            mode = ChainMode.valueOf(modeText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw reader.invalid("chain.mode", modeText, "use 'cometbft' or 'embedded'");
        }
        URI rpc = reader.uri("chain.rpc", reader.optionalText(chain, "rpc").orElse("http://127.0.0.1:26657"));
        String chainId = reader.optionalText(chain, "chainId").orElse("larco-dev");
        Optional<Path> genesis = reader.optionalText(chain, "genesis").map(reader::path);
        if (mode == ChainMode.EMBEDDED && genesis.isEmpty()) {
            throw reader.invalid("chain.genesis", "(missing)", "an embedded chain needs a genesis app_state JSON file");
        }
        return new ChainSettings(mode, rpc, chainId, genesis);
    }

    private static DataSettings readData(Reader reader, JsonNode data) {
        reader.rejectUnknownKeys(data, "data.", Set.of("preset", "events", "seed", "dataset"));
        String preset = reader.optionalText(data, "preset").orElse("microboone");
        int events = reader.intInRange(data, "data.events", "events", 600, 30, 10_000_000);
        long seed = reader.intInRange(data, "data.seed", "seed", 7, 0, Integer.MAX_VALUE);
        Optional<Path> dataset = reader.optionalText(data, "dataset").map(reader::path);
        return new DataSettings(preset, events, seed, dataset);
    }

    private static LearnerSettings readLearner(Reader reader, JsonNode learner) {
        reader.rejectUnknownKeys(learner, "learner.", Set.of("epochsPerRound", "batchSize", "seed"));
        int epochs = reader.intInRange(learner, "learner.epochsPerRound", "epochsPerRound", 1, 1, 1000);
        int batchSize = reader.intInRange(learner, "learner.batchSize", "batchSize", 32, 1, 4096);
        long seed = reader.intInRange(learner, "learner.seed", "seed", 1, 0, Integer.MAX_VALUE);
        return new LearnerSettings(epochs, batchSize, seed);
    }

    /** Field access with messages that carry the source file, the key and the value. */
    private record Reader(String source, Path baseDir) {

        InvalidConfigException invalid(String key, String value, String fix) {
            return new InvalidConfigException(
                    "invalid value '" + value + "' for " + key + " in " + source + ": " + fix);
        }

        JsonNode object(JsonNode parent, String key) {
            JsonNode node = parent.get(key);
            if (node == null || node.isNull()) {
                return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            }
            if (!node.isObject()) {
                throw invalid(key, node.toString(), "'" + key + "' must be a mapping");
            }
            return node;
        }

        void rejectUnknownKeys(JsonNode node, String prefix, Set<String> known) {
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!known.contains(name)) {
                    throw new InvalidConfigException("unknown key '" + prefix + name + "' in " + source
                            + "; known keys here: " + known.stream().sorted().toList());
                }
            }
        }

        String requiredText(JsonNode parent, String key) {
            return optionalText(parent, key).orElseThrow(
                    () -> new InvalidConfigException("missing key '" + key + "' in " + source));
        }

        Optional<String> optionalText(JsonNode parent, String key) {
            JsonNode node = parent.get(key);
            if (node == null || node.isNull()) {
                return Optional.empty();
            }
            if (!node.isValueNode() || node.asText().isBlank()) {
                throw invalid(key, node.toString(), "'" + key + "' must be a non-empty text value");
            }
            return Optional.of(node.asText());
        }

        int intInRange(JsonNode parent, String fullKey, String key, int defaultValue, int min, int max) {
            JsonNode node = parent.get(key);
            if (node == null || node.isNull()) {
                return defaultValue;
            }
            if (!node.canConvertToInt() || !node.isIntegralNumber()) {
                throw invalid(fullKey, node.toString(), "use a whole number from " + min + " to " + max);
            }
            int value = node.intValue();
            if (value < min || value > max) {
                throw invalid(fullKey, Integer.toString(value), "use a whole number from " + min + " to " + max);
            }
            return value;
        }

        Path path(String text) {
            Path path = Path.of(text);
            return path.isAbsolute() ? path : baseDir.resolve(path).normalize();
        }

        URI uri(String key, String text) {
            try {
                URI uri = new URI(text);
                if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                    throw invalid(key, text, "use an http:// or https:// URL with a host, e.g. http://127.0.0.1:26657");
                }
                return uri;
            } catch (URISyntaxException e) {
                throw invalid(key, text, "use a URL such as http://127.0.0.1:26657");
            }
        }
    }
}
