package org.larco.node.cli;

import org.larco.abci.cli.AbciCommand;
import org.larco.abci.cli.KeysCommand;
import org.larco.lartpc.cli.GenerateCommand;
import org.larco.lartpc.cli.ShowCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code larco} command: every LArCo tool as a subcommand. */
@Command(
        name = "larco",
        mixinStandardHelpOptions = true,
        versionProvider = LarcoVersion.class,
        description = "Collaborative training of LArTPC classifiers over a CometBFT ledger.",
        subcommands = {
            SimulateCommand.class,
            NodeCommand.class,
            AbciCommand.class,
            KeysCommand.class,
            ModelCommand.class,
            GenerateCommand.class,
            ShowCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Larco implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(newCommandLine().execute(args));
    }

    /** Creates the configured command line, shared by {@link #main} and tests. */
    public static CommandLine newCommandLine() {
        CommandLine commandLine = new CommandLine(new Larco());
        commandLine.setExecutionExceptionHandler(new CliErrors());
        return commandLine;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand; try 'larco simulate' or 'larco --help'");
    }
}
