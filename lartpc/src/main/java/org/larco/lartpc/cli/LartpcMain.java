package org.larco.lartpc.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Stand-alone entry point of the lartpc module: {@code generate} and {@code show}. */
@Command(name = "lartpc", mixinStandardHelpOptions = true,
        description = "LArTPC event simulation, HDF5 datasets and event displays.",
        subcommands = {GenerateCommand.class, ShowCommand.class})
public final class LartpcMain implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(new CommandLine(new LartpcMain()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
