package org.larco.abci.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.larco.protocol.keys.NodeKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code larco keys}: creates and shows Ed25519 node keys. */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "Create and show node keys (Ed25519).",
        subcommands = {KeysCommand.New.class, KeysCommand.Show.class})
public final class KeysCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.err.println("usage: keys new --out FILE --name NAME | keys show FILE");
        return 2;
    }

    @Command(name = "new", mixinStandardHelpOptions = true,
            description = "Generate a key and write it to FILE with mode 0600; never overwrites.")
    static final class New implements Callable<Integer> {

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Key file to create.")
        Path out;

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "Member name stored in the key file.")
        String name;

        @Override
        public Integer call() {
            if (Files.exists(out)) {
                System.err.println("error: " + out + " already exists; keys are never overwritten, choose another --out");
                return 1;
            }
            try {
                NodeKey key = NodeKey.generate(name);
                key.save(out);
                System.out.println("name: " + key.name());
                System.out.println("public_key: " + key.publicKeyHex());
                return 0;
            } catch (IOException e) {
                System.err.println("error: cannot write key file " + out + ": " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Print a key file's name and public key.")
    static final class Show implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "FILE", description = "Key file written by `keys new`.")
        Path file;

        @Option(names = "--json", description = "Print {\"name\":...,\"pub_key\":...}, ready for genesis app_state members.")
        boolean json;

        @Override
        public Integer call() {
            try {
                NodeKey key = NodeKey.load(file);
                if (json) {
                    System.out.println("{\"name\":\"" + escape(key.name()) + "\",\"pub_key\":\"" + key.publicKeyHex() + "\"}");
                } else {
                    System.out.println("name: " + key.name());
                    System.out.println("public_key: " + key.publicKeyHex());
                }
                return 0;
            } catch (IOException e) {
                System.err.println("error: " + e.getMessage());
                return 1;
            }
        }

        private static String escape(String text) {
            return text.replace("\\", "\\\\").replace("\"", "\\\"");
        }
    }
}
