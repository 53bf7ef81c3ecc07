package org.larco.lartpc.bench;

import org.larco.lartpc.baseline.SoftmaxClassifier;
import org.larco.lartpc.config.DetectorConfig;
import org.larco.lartpc.data.ImageDataset;
import org.larco.lartpc.data.LearnerSplits;
import org.larco.lartpc.data.Task;
import org.larco.lartpc.sim.DatasetGenerator;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Benchmark of the generator (not a test): events per second on one thread and on all threads at
 * the default image size for each preset and task, peak heap and resident memory, and the test
 * accuracy of the hand-feature baseline. The one-thread rate is also given per CPU second of that
 * thread, which stays meaningful on a machine shared with other work. Usage:
 * {@code GeneratorBenchmark [events] [baselineEvents]}.
 */
public final class GeneratorBenchmark {

    private static final long SEED = 2024;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private GeneratorBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int baselineEvents = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        int threads = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "java %s, %d available processors, %d events per measurement%n",
                System.getProperty("java.version"), threads, events);
        System.out.println("| preset | task | events per CPU second, 1 thread | events/s wall, 1 thread | events/s wall, "
                + threads + " threads | baseline test accuracy |");
        System.out.println("| --- | --- | --- | --- | --- | --- |");
        for (Task task : Task.values()) {
            for (String preset : DetectorConfig.presetNames()) {
                DatasetGenerator generator = new DatasetGenerator(DetectorConfig.preset(preset), task);
                generator.generate(Math.min(500, events), SEED + 1, 1);
                long cpuStart = THREADS.getCurrentThreadCpuTime();
                double single = rate(generator, events, 1);
                double perCpuSecond = events / ((THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9);
                double parallel = rate(generator, events, threads);
                double accuracy = baselineAccuracy(generator, baselineEvents);
                System.out.printf(Locale.ROOT, "| %s | %s | %.0f | %.0f | %.0f | %.3f |%n", preset, task.cliName(),
                        perCpuSecond, single, parallel, accuracy);
            }
        }
        System.out.printf(Locale.ROOT, "peak heap %.0f MiB, peak resident set %s%n", peakHeapMib(), peakResidentSet());
    }

    private static double rate(DatasetGenerator generator, int events, int threads) {
        long start = System.nanoTime();
        generator.generate(events, SEED, threads);
        return events / ((System.nanoTime() - start) / 1e9);
    }

    private static double baselineAccuracy(DatasetGenerator generator, int events) {
        ImageDataset data = generator.generate(events, SEED + 2, Runtime.getRuntime().availableProcessors());
        LearnerSplits splits = LearnerSplits.split(data, 0.7, 0.0);
        return SoftmaxClassifier.train(splits.train()).accuracy(splits.test());
    }

    private static double peakHeapMib() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024.0 * 1024.0);
    }

    /** Returns VmHWM from /proc/self/status (Linux only), or "n/a". */
    private static String peakResidentSet() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return "n/a";
        }
        return Files.readAllLines(status).stream()
                .filter(line -> line.startsWith("VmHWM:"))
                .map(line -> line.substring("VmHWM:".length()).trim())
                .findFirst().orElse("n/a");
    }
}
