package org.larco.tests.testnet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * Writes a {@code larco} executable that runs the CLI from this test run's classpath, so the
 * deploy scripts start exactly the code under test and never trigger a build of their own.
 */
final class LarcoLauncher {

    static final String NODE_MAIN = "org.larco.node.cli.Larco";
    /** System property naming an existing larco executable to use instead, e.g. the ./larco launcher. */
    static final String OVERRIDE_PROPERTY = "larco.launcher";
    /** The ledger's own entry point: only the abci and keys commands. */
    static final String LEDGER_MAIN = "org.larco.abci.cli.AbciMain";

    private LarcoLauncher() {
    }

    /**
     * Writes {@code dir/larco} and its Java argument file and returns the executable's path. The
     * launcher runs the node's CLI when it is on the classpath, else the ledger's, which is
     * enough for a testnet without learner nodes.
     */
    static Path write(Path dir) {
        String override = System.getProperty(OVERRIDE_PROPERTY, "");
        if (!override.isBlank()) {
            return Path.of(override);
        }
        Path argFile = dir.resolve("larco.args");
        Path script = dir.resolve("larco");
        String opens = System.getProperty("larco.jvm.opens", "");
        try {
            Files.createDirectories(dir);
            // An argument file keeps the long classpath off the command line (java @file).
            Files.writeString(argFile, "-cp \"" + testClasspath().replace("\\", "\\\\") + "\"\n" + opens + "\n");
            Files.write(script, List.of(
                    "#!/bin/sh",
                    "# Runs the larco CLI with the classpath of the test run that wrote this file.",
                    "exec java $LARCO_JAVA_OPTS @" + argFile + " " + (nodeCliPresent() ? NODE_MAIN : LEDGER_MAIN) + " \"$@\""));
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the larco launcher into " + dir, e);
        }
        return script;
    }

    /** Returns true when the node's CLI (it brings `larco node`) is on the classpath or given by the override. */
    static boolean nodeCliPresent() {
        if (!System.getProperty(OVERRIDE_PROPERTY, "").isBlank()) {
            return true;
        }
        try {
            Class.forName(NODE_MAIN, false, LarcoLauncher.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static String testClasspath() {
        // Surefire runs tests through a manifest-only jar and passes the real classpath here.
        String classpath = System.getProperty("surefire.test.class.path");
        return classpath != null && !classpath.isBlank() ? classpath : System.getProperty("java.class.path");
    }
}
