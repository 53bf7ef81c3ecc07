package org.larco.lartpc.cli;

import org.larco.lartpc.config.DetectorConfig;
import org.larco.lartpc.data.Hdf5Datasets;
import org.larco.lartpc.data.ImageDataset;
import org.larco.lartpc.data.Task;
import org.larco.lartpc.sim.DatasetGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code generate}: simulates a labelled dataset and writes it as HDF5. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Simulate LArTPC events for one detector configuration and write them as an HDF5 dataset.")
public final class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--preset", paramLabel = "NAME",
            description = "Built-in detector preset: microboone, dune-fd or icarus (default: microboone unless --config is given).")
    String preset;

    @Option(names = "--config", paramLabel = "FILE",
            description = "YAML or JSON configuration file; may name a preset under 'base' and override keys.")
    Path configFile;

    @Option(names = "--task", paramLabel = "TASK", defaultValue = "single-particle",
            description = "single-particle (electron, gamma, muon, pion, proton) or neutrino (numu_cc, nue_cc, nc). Default: ${DEFAULT-VALUE}.")
    String task;

    @Option(names = "--events", paramLabel = "N", defaultValue = "1000",
            description = "Number of events to generate (at least 1). Default: ${DEFAULT-VALUE}.")
    int events;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "1",
            description = "Random seed; the same seed and configuration give the same file. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads (default: the number of available processors).")
    Integer threads;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Output HDF5 file.")
    Path out;

    @Option(names = "--quiet", description = "Do not draw the progress bar on stderr.")
    boolean quiet;

    @Override
    public Integer call() {
        validate();
        PrintWriter err = spec.commandLine().getErr();
        try {
            DetectorConfig config = configFile != null ? DetectorConfig.load(configFile)
                    : DetectorConfig.preset(preset == null ? "microboone" : preset);
            Task parsedTask = Task.parse(task);
            int threadCount = threads != null ? threads : Runtime.getRuntime().availableProcessors();
            DatasetGenerator generator = new DatasetGenerator(config, parsedTask);
            ImageDataset data = quiet ? generator.generate(events, seed, threadCount)
                    : generator.generate(events, seed, threadCount, new ProgressBar(err, events, "events"));
            Hdf5Datasets.write(out, data, Map.of(
                    "generator", "larco-lartpc",
                    "task", parsedTask.cliName(),
                    "seed", Long.toString(seed),
                    "config", config.toJson()));
            spec.commandLine().getOut().printf("wrote %d %s events (%s, class counts %s for %s) from %s to %s%n",
                    data.size(), parsedTask.cliName(), data.shapeText(), Arrays.toString(data.classCounts()),
                    data.classNames(), config.name(), out);
            return 0;
        } catch (IllegalArgumentException | UncheckedIOException | IllegalStateException e) {
            err.println("generate failed: " + e.getMessage());
            return 1;
        } catch (OutOfMemoryError e) {
            err.println("generate failed: out of memory for " + events + " events (about 170 kB per event at 3x64x64 while writing);"
                    + " give the JVM more heap with -Xmx or generate fewer events per file");
            return 1;
        }
    }

    private void validate() {
        if (events < 1) {
            throw new ParameterException(spec.commandLine(), "invalid --events " + events + ": give 1 or more events");
        }
        if (threads != null && threads < 1) {
            throw new ParameterException(spec.commandLine(), "invalid --threads " + threads + ": give 1 or more threads");
        }
        if (preset != null && configFile != null) {
            throw new ParameterException(spec.commandLine(), "--preset and --config both given: use one; a "
                    + "configuration file can start from a preset with 'base: " + preset + "'");
        }
    }
}
