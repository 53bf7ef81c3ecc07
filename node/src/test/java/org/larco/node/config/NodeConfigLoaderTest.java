package org.larco.node.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NodeConfigLoaderTest {

    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("node.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void fullConfigIsRead() throws IOException {
        Path file = write("""
                name: alice
                key: keys/alice.key
                home: /var/lib/larco/alice
                http: {host: 127.0.0.1, port: 9001}
                chain: {mode: cometbft, rpc: "http://127.0.0.1:26657"}
                data: {preset: dune-fd, events: 900, seed: 3}
                learner: {epochsPerRound: 2, batchSize: 16, seed: 5}
                token: s3cret
                """);

        NodeConfig config = NodeConfigLoader.load(file);

        assertEquals("alice", config.name());
        assertEquals(dir.resolve("keys/alice.key"), config.keyFile());
        assertEquals(Path.of("/var/lib/larco/alice"), config.home());
        assertEquals(9001, config.httpPort());
        assertEquals(NodeConfig.ChainMode.COMETBFT, config.chain().mode());
        assertEquals("dune-fd", config.data().preset());
        assertEquals(900, config.data().events());
        assertEquals(2, config.learner().epochsPerRound());
        assertEquals("s3cret", config.token().orElseThrow());
    }

    @Test
    void defaultsApplyWhenSectionsAreMissing() throws IOException {
        NodeConfig config = NodeConfigLoader.load(write("name: bob\nkey: bob.key\nhome: bob-home\n"));

        assertEquals(8081, config.httpPort());
        assertEquals("microboone", config.data().preset());
        assertEquals(1, config.learner().epochsPerRound());
        assertTrue(config.token().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "negative port      | name: a\\nkey: k\\nhome: h\\nhttp: {port: -1}                | http.port",
        "port as text       | name: a\\nkey: k\\nhome: h\\nhttp: {port: eighty}            | http.port",
        "unknown chain mode | name: a\\nkey: k\\nhome: h\\nchain: {mode: ethereum}        | chain.mode",
        "rpc without scheme | name: a\\nkey: k\\nhome: h\\nchain: {rpc: 127.0.0.1}        | chain.rpc",
        "embedded no genesis| name: a\\nkey: k\\nhome: h\\nchain: {mode: embedded}        | chain.genesis",
        "too few events     | name: a\\nkey: k\\nhome: h\\ndata: {events: 3}              | data.events",
        "zero batch size    | name: a\\nkey: k\\nhome: h\\nlearner: {batchSize: 0}         | learner.batchSize",
        "bad name           | name: 'a b'\\nkey: k\\nhome: h                             | name",
        "missing key        | name: a\\nhome: h                                          | 'key'",
        "unknown key        | name: a\\nkey: k\\nhome: h\\ncolour: blue                   | colour",
        "not a mapping      | just text                                                  | mapping",
    })
    void invalidValueIsRejectedWithItsKey(String label, String yaml, String expectedKey) throws IOException {
        Path file = write(yaml.replace("\\n", "\n"));

        InvalidConfigException error = assertThrows(InvalidConfigException.class, () -> NodeConfigLoader.load(file));

        assertTrue(error.getMessage().contains(expectedKey), error.getMessage());
        assertTrue(error.getMessage().contains(file.toString()), error.getMessage());
    }

    @Test
    void missingFileIsRejected() {
        Path missing = dir.resolve("absent.yaml");

        InvalidConfigException error = assertThrows(InvalidConfigException.class, () -> NodeConfigLoader.load(missing));

        assertTrue(error.getMessage().contains("absent.yaml"), error.getMessage());
    }

    @Test
    void malformedYamlIsRejected() throws IOException {
        Path file = write("name: [unclosed\n");

        InvalidConfigException error = assertThrows(InvalidConfigException.class, () -> NodeConfigLoader.load(file));

        assertTrue(error.getMessage().contains("not valid YAML"), error.getMessage());
    }
}
