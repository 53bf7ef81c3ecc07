package org.larco.abci.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Runs the abci and keys commands without the node: {@code java -cp ... org.larco.abci.cli.AbciMain abci --home DIR}. */
@Command(name = "larco-abci", mixinStandardHelpOptions = true, description = "LArCo ledger tools.",
        subcommands = {AbciCommand.class, KeysCommand.class})
public final class AbciMain implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.err);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new AbciMain()).execute(args));
    }
}
