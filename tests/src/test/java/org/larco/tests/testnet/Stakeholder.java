package org.larco.tests.testnet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.larco.protocol.keys.NodeKey;

/**
 * One line of a testnet directory's {@code stakeholders} file, as deploy/testnet and deploy/join
 * write it: name, role (validator or full), learner (yes or no) and the four ports.
 */
record Stakeholder(Path dir, String name, boolean validator, boolean learner,
                   int p2pPort, int rpcPort, int abciPort, int httpPort) {

    static Stakeholder parse(Path dir, String line) {
        String[] fields = line.trim().split("\\s+");
        if (fields.length != 7) {
            throw new IllegalArgumentException("stakeholders line '" + line + "' in " + dir
                    + " does not have 7 fields (name role learner p2p rpc abci http)");
        }
        return new Stakeholder(dir, fields[0], fields[1].equals("validator"), fields[2].equals("yes"),
                Integer.parseInt(fields[3]), Integer.parseInt(fields[4]),
                Integer.parseInt(fields[5]), Integer.parseInt(fields[6]));
    }

    CometRpc rpc() {
        return new CometRpc("http://127.0.0.1:" + rpcPort);
    }

    String nodeUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    Path keyFile() {
        return dir.resolve(name).resolve(name + ".key");
    }

    NodeKey key() {
        try {
            return NodeKey.load(keyFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + name + "'s key " + keyFile(), e);
        }
    }
}
