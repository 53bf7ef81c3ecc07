package org.larco.lartpc.sim;

import org.larco.lartpc.config.DetectorConfig;
import org.larco.lartpc.data.ImageDataset;
import org.larco.lartpc.data.Task;
import org.larco.lartpc.readout.WireReadout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * Generates labelled image datasets for one configuration and task.
 *
 * <p>Event {@code i} of a dataset with seed {@code s} depends only on the configuration, the task,
 * {@code s} and {@code i}, so the same seed and configuration give the same dataset for any
 * number of threads.
 */
public final class DatasetGenerator {

    private static final Logger LOG = LoggerFactory.getLogger(DatasetGenerator.class);
    private static final int EVENTS_PER_TASK = 32;
    private static final long NOISE_STREAM = 0xA7;
    private static final long HELD_OUT_STREAM = 0x7E57;

    private final DetectorConfig config;
    private final Task task;
    private final EventSimulator simulator;
    private final WireReadout readout;

    public DatasetGenerator(DetectorConfig config, Task task) {
        this.config = config;
        this.task = task;
        this.simulator = new EventSimulator(config, task);
        this.readout = new WireReadout(config);
    }

    /** Generates {@code events} events on {@code threads} threads. */
    public ImageDataset generate(int events, long seed, int threads) {
        return generate(events, seed, threads, done -> { });
    }

    /**
     * Generates {@code events} events on {@code threads} threads, calling {@code progress} with the
     * number of events done so far (increasing, from the worker threads, one call at a time).
     *
     * @throws IllegalArgumentException when {@code events} is negative or {@code threads} < 1
     */
    public ImageDataset generate(int events, long seed, int threads, IntConsumer progress) {
        if (events < 0) {
            throw new IllegalArgumentException("invalid event count " + events + ": use 0 or more events");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("invalid thread count " + threads + ": use 1 or more threads");
        }
        LOG.info("generating {} {} events with configuration {} seed {} on {} threads",
                events, task.cliName(), config.name(), seed, threads);
        long start = System.nanoTime();
        float[][] images = new float[events][];
        int[] labels = new int[events];
        float[] energies = new float[events];
        long[] ids = new long[events];
        ProgressCounter counter = new ProgressCounter(progress);
        if (threads == 1) {
            fill(0, events, seed, images, labels, energies, ids, counter);
        } else {
            runParallel(events, seed, threads, images, labels, energies, ids, counter);
        }
        String[] sources = new String[events];
        java.util.Arrays.fill(sources, config.name());
        double seconds = (System.nanoTime() - start) / 1e9;
        LOG.info("generated {} events in {} s", events, String.format(java.util.Locale.ROOT, "%.2f", seconds));
        return ImageDataset.wrap(readout.planes(), config.image().wires(), config.image().timePixels(),
                task.classNames(), images, labels, energies, sources, ids);
    }

    /**
     * Generates the common held-out test set: {@code eventsPerConfig} events from each configuration,
     * in order. Configuration {@code k} uses a seed derived from {@code seed} and {@code k} that no
     * learner's own dataset uses with the same {@code seed}, so any group can rebuild the same set.
     */
    public static ImageDataset heldOut(List<DetectorConfig> configs, Task task, int eventsPerConfig, long seed,
                                       int threads) {
        List<ImageDataset> parts = new ArrayList<>();
        for (int k = 0; k < configs.size(); k++) {
            long heldOutSeed = EventSimulator.eventRandom(seed, k, HELD_OUT_STREAM).nextLong();
            parts.add(new DatasetGenerator(configs.get(k), task).generate(eventsPerConfig, heldOutSeed, threads));
        }
        return ImageDataset.concat(parts);
    }

    /** Simulates and digitises one event; exposed for checks on single images. */
    public float[] image(SimulatedEvent event, long seed, long eventIndex) {
        return readout.digitize(event, EventSimulator.eventRandom(seed, eventIndex, NOISE_STREAM));
    }

    public EventSimulator simulator() {
        return simulator;
    }

    private void runParallel(int events, long seed, int threads, float[][] images, int[] labels, float[] energies,
                             long[] ids, ProgressCounter counter) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "lartpc-generator");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int from = 0; from < events; from += EVENTS_PER_TASK) {
                int blockStart = from;
                int blockEnd = Math.min(events, from + EVENTS_PER_TASK);
                futures.add(pool.submit(() -> fill(blockStart, blockEnd, seed, images, labels, energies, ids, counter)));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("event generation interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("event generation failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private void fill(int from, int to, long seed, float[][] images, int[] labels, float[] energies, long[] ids,
                      ProgressCounter counter) {
        for (int i = from; i < to; i++) {
            SimulatedEvent event = simulator.simulate(seed, i);
            images[i] = image(event, seed, i);
            labels[i] = event.label();
            energies[i] = (float) event.energyMev();
            ids[i] = i;
            counter.increment();
        }
    }

    /** Counts finished events and reports each new total in order. */
    private static final class ProgressCounter {
        private final IntConsumer progress;
        private int done;

        ProgressCounter(IntConsumer progress) {
            this.progress = progress;
        }

        synchronized void increment() {
            done++;
            progress.accept(done);
        }
    }
}
