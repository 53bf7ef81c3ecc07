package org.larco.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class SimulateCommandTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "one learner         | --learners 1              | --learners",
        "zero rounds         | --rounds 0                | --rounds",
        "negative events     | --events-per-learner -5   | --events-per-learner",
        "threshold not a/b   | --threshold half          | --threshold",
        "threshold above one | --threshold 3/2           | --threshold",
        "tiny block interval | --block-interval-ms 1     | --block-interval-ms",
        "port out of range   | --http-port 70000         | --http-port",
    })
    void invalidOptionExitsWithItsName(String label, String arguments, String option) {
        StringWriter err = new StringWriter();
        CommandLine commandLine = Larco.newCommandLine();
        commandLine.setErr(new PrintWriter(err));

        int exitCode = commandLine.execute(("simulate " + arguments).split(" "));

        assertEquals(1, exitCode, err.toString());
        assertTrue(err.toString().contains(option), err.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown option  | simulate --colour red",
        "non-numeric     | simulate --rounds many",
        "no subcommand   | ''",
    })
    void unusableCommandLineExitsWithUsage(String label, String arguments) {
        StringWriter err = new StringWriter();
        CommandLine commandLine = Larco.newCommandLine();
        commandLine.setErr(new PrintWriter(err));

        int exitCode = commandLine.execute(arguments.isEmpty() ? new String[0] : arguments.split(" "));

        assertEquals(2, exitCode, err.toString());
        assertTrue(err.toString().contains("Usage"), err.toString());
    }
}
