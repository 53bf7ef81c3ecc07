package org.larco.node.cli;

import org.larco.node.config.InvalidConfigException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception thrown by a command into one error line on stderr and exit code 1 for bad
 * input, or 2 plus the stack trace for an unexpected failure.
 */
final class CliErrors implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine, ParseResult parseResult) {
        if (exception instanceof IllegalArgumentException || exception instanceof InvalidConfigException
                || exception instanceof java.nio.file.NoSuchFileException) {
            commandLine.getErr().println("error: " + exception.getMessage());
            return 1;
        }
        commandLine.getErr().println("error: " + exception);
        exception.printStackTrace(commandLine.getErr());
        return 2;
    }
}
