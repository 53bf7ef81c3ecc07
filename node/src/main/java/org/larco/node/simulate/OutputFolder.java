package org.larco.node.simulate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Prepares a simulation's output folder. Every run starts from genesis with new member keys, so
 * the chain and blob stores of an earlier run in the same folder are deleted first, and the
 * result files are overwritten. A non-empty folder that contains anything else is rejected, so a
 * mistyped {@code --out} never deletes other files.
 */
final class OutputFolder {

    /** Subfolders that belong to one run and are replaced by the next. */
    private static final List<String> RUN_STATE = List.of("chain", "nodes");

    /** Files and folders a simulation writes; a folder that contains only these is an earlier run. */
    private static final List<String> RUN_FILES = List.of("chain", "nodes", "results.json", "rounds.csv", "comparison.csv",
            "round-timings.csv", "scores-per-round.png", "vote-grid.png", "confusion-matrix.png");

    private OutputFolder() {
    }

    /** Creates {@code dir} or clears an earlier run's state in it; returns true when an earlier run was replaced. */
    static boolean prepare(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            Files.createDirectories(dir);
            return false;
        }
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--out " + dir + " is a file; pass a folder for the results");
        }
        List<String> names;
        try (Stream<Path> entries = Files.list(dir)) {
            names = entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
        if (names.isEmpty()) {
            return false;
        }
        List<String> foreign = names.stream().filter(name -> !RUN_FILES.contains(name) && !name.endsWith(".tmp")).toList();
        if (!foreign.isEmpty()) {
            throw new IllegalArgumentException("--out " + dir + " is not empty and contains files that a simulation does not write "
                    + foreign + "; pass an empty or new folder");
        }
        for (String state : RUN_STATE) {
            deleteTree(dir.resolve(state));
        }
        return true;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot delete " + path + " of an earlier run", e);
                }
            });
        }
    }
}
