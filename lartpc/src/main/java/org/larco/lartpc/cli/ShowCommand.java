package org.larco.lartpc.cli;

import org.larco.lartpc.data.Hdf5Datasets;
import org.larco.lartpc.data.ImageDataset;
import org.larco.lartpc.display.EventDisplay;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code show}: draws one event of a dataset file as a PNG event display. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Draw one event of an HDF5 dataset: three wire planes, wire against time bin, with colour bars.")
public final class ShowCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "HDF5 dataset written by generate.")
    Path file;

    @Option(names = "--event", paramLabel = "N", defaultValue = "0", description = "Event index, from 0. Default: ${DEFAULT-VALUE}.")
    int event;

    @Option(names = "--png", paramLabel = "OUT", required = true, description = "Output PNG file.")
    Path png;

    @Override
    public Integer call() {
        if (System.getProperty("java.awt.headless") == null) {
            // Drawing needs no display, and servers and CI machines have none.
            System.setProperty("java.awt.headless", "true");
        }
        try {
            ImageDataset data = Hdf5Datasets.read(file);
            if (event < 0 || event >= data.size()) {
                spec.commandLine().getErr().printf("show failed: --event %d is outside 0..%d of %s%n", event,
                        data.size() - 1, file);
                return 1;
            }
            EventDisplay.writePng(data, event, png);
            spec.commandLine().getOut().printf(Locale.ROOT, "wrote event %d (%s, %.1f MeV) of %s to %s%n", event,
                    data.classNames().get(data.label(event)), data.energyMev(event), file, png);
            return 0;
        } catch (IllegalArgumentException | UncheckedIOException e) {
            spec.commandLine().getErr().println("show failed: " + e.getMessage());
            return 1;
        }
    }
}
