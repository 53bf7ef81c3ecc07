package org.larco.abci.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds or installs the pinned CometBFT binary and prepares single-validator homes for tests.
 *
 * <p>The binary is {@code <repo>/.tools/bin/cometbft}; when missing, {@code deploy/install-cometbft.sh}
 * builds it with {@code go install} (minutes, once; later runs reuse it).
 */
public final class CometBft {

    public static final String VERSION = "0.38.25";
    private static final long INSTALL_TIMEOUT_S = 900;
    private static final ObjectMapper JSON = new ObjectMapper();

    private CometBft() {
    }

    /** Returns the CometBFT binary, installing it first when missing. */
    public static synchronized Path binary() throws IOException, InterruptedException {
        Path root = repoRoot();
        Path binary = root.resolve(".tools/bin/cometbft");
        if (Files.isExecutable(binary)) {
            return binary;
        }
        String output = ManagedProcess.run(List.of("bash", root.resolve("deploy/install-cometbft.sh").toString()),
                INSTALL_TIMEOUT_S);
        String[] lines = output.strip().split("\n");
        return Path.of(lines[lines.length - 1].strip());
    }

    /** Returns the repository root: the nearest directory above the working directory holding deploy/install-cometbft.sh. */
    public static Path repoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.exists(dir.resolve("deploy/install-cometbft.sh"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("deploy/install-cometbft.sh not found above " + Path.of("").toAbsolutePath()
                + "; run the tests from the LArCo repository");
    }

    /**
     * Runs {@code cometbft init} in {@code home}, writes {@code appState} into genesis.json,
     * and sets fast consensus timeouts (200 ms between blocks).
     *
     * @return the chain id that init chose
     */
    public static String initSingleValidator(Path binary, Path home, String appState) throws IOException, InterruptedException {
        ManagedProcess.run(List.of(binary.toString(), "init", "--home", home.toString()), 60);
        Path genesisFile = home.resolve("config/genesis.json");
        ObjectNode genesis = (ObjectNode) JSON.readTree(genesisFile.toFile());
        genesis.set("app_state", JSON.readTree(appState));
        JSON.writerWithDefaultPrettyPrinter().writeValue(genesisFile.toFile(), genesis);

        Path configFile = home.resolve("config/config.toml");
        String config = Files.readString(configFile);
        config = setValue(config, "timeout_propose", "\"500ms\"");
        config = setValue(config, "timeout_prevote", "\"100ms\"");
        config = setValue(config, "timeout_precommit", "\"100ms\"");
        config = setValue(config, "timeout_commit", "\"200ms\"");
        config = setValue(config, "addr_book_strict", "false");
        Files.writeString(configFile, config);
        return genesis.path("chain_id").asText();
    }

    private static String setValue(String toml, String key, String value) {
        Pattern line = Pattern.compile("(?m)^" + Pattern.quote(key) + " = .*$");
        Matcher matcher = line.matcher(toml);
        if (!matcher.find()) {
            throw new IllegalStateException("config.toml has no key " + key + "; CometBFT " + VERSION + " expected");
        }
        return matcher.replaceFirst(Matcher.quoteReplacement(key + " = " + value));
    }

    /** Starts {@code cometbft start} for a home prepared by {@link #initSingleValidator}. */
    public static ManagedProcess start(Path binary, Path home, int abciPort, int rpcPort, int p2pPort) throws IOException {
        return ManagedProcess.start("cometbft", List.of(binary.toString(), "start",
                "--home", home.toString(),
                "--proxy_app", "tcp://127.0.0.1:" + abciPort,
                "--rpc.laddr", "tcp://127.0.0.1:" + rpcPort,
                "--p2p.laddr", "tcp://127.0.0.1:" + p2pPort,
                "--log_level", "info"), home.resolve("cometbft.log"));
    }
}
