package org.larco.lartpc.readers;

import org.larco.lartpc.data.DatasetFormatException;
import org.larco.lartpc.data.ImageDataset;
import org.larco.lartpc.data.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads DUNE CVN pixel maps as neutrino-task images.
 *
 * <p>Each event is a file {@code <name>.gz} holding one zlib stream of {@code views x wires x ticks}
 * unsigned bytes (3 x 500 x 500 by default) at flat index {@code tick + ticks * (wire + wires * view)},
 * and a text file {@code <name>.info} whose first line is the CVN interaction type: 0-3 numu CC,
 * 4-7 nue CC, 13 NC. Other types (nutau CC, nu-e elastic, cosmic, other) are skipped. Each view is
 * cropped around its centroid; the energy is 0 because only the first line of the .info file is read.
 */
public final class CvnPixelMapReader {

    public static final int DEFAULT_VIEWS = 3;
    public static final int DEFAULT_WIRES = 500;
    public static final int DEFAULT_TICKS = 500;

    private static final Logger LOG = LoggerFactory.getLogger(CvnPixelMapReader.class);
    private static final int NC_TYPE = 13;

    private CvnPixelMapReader() {
    }

    /** Reads every {@code .gz} pixel map of a directory, sorted by file name, with the default map size. */
    public static ImageDataset readDirectory(Path directory, int imageSize) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("CVN pixel map directory " + directory + " not found");
        }
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> maps = files.filter(p -> p.getFileName().toString().endsWith(".gz")).sorted().toList();
            return read(maps, DEFAULT_VIEWS, DEFAULT_WIRES, DEFAULT_TICKS, imageSize);
        } catch (IOException e) {
            throw new UncheckedIOException("failed to list CVN pixel maps in " + directory, e);
        }
    }

    /**
     * Reads the given pixel map files.
     *
     * @throws DatasetFormatException when a map does not inflate to the expected size or its .info file
     *                                is missing or malformed
     */
    public static ImageDataset read(List<Path> mapFiles, int views, int wires, int ticks, int imageSize) {
        ReaderDatasets.requireImageSize(imageSize);
        if (views != 3) {
            throw new IllegalArgumentException("invalid view count " + views + ": LArCo images have 3 planes");
        }
        PlaneCropper cropper = new PlaneCropper(views, imageSize, imageSize);

        List<float[]> images = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<Float> energies = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        int skipped = 0;
        for (int i = 0; i < mapFiles.size(); i++) {
            Path map = mapFiles.get(i);
            int label = labelOf(interactionType(map));
            if (label < 0) {
                skipped++;
                continue;
            }
            images.add(cropMap(map, views, wires, ticks, cropper));
            labels.add(label);
            energies.add(0f);
            ids.add((long) i);
        }

        if (skipped > 0) {
            LOG.warn("skipped {} of {} CVN pixel maps whose interaction type is not numu CC, nue CC or NC",
                    skipped, mapFiles.size());
        }
        String source = mapFiles.isEmpty() ? "cvn" : String.valueOf(mapFiles.get(0).getParent().getFileName());
        return ReaderDatasets.build(imageSize, Task.NEUTRINO, source, images, labels, energies, ids);
    }

    private static float[] cropMap(Path map, int views, int wires, int ticks, PlaneCropper cropper) {
        byte[] pixels = inflate(map, views * wires * ticks);
        cropper.reset();
        for (int index = 0; index < pixels.length; index++) {
            int value = pixels[index] & 0xFF;
            if (value != 0) {
                int tick = index % ticks;
                int wire = (index / ticks) % wires;
                int view = index / (ticks * wires);
                cropper.add(view, wire, tick, value);
            }
        }
        return cropper.crop();
    }

    /** Returns the label in {@link Task#NEUTRINO} order for a CVN interaction type, or -1 to skip. */
    static int labelOf(int interactionType) {
        if (interactionType >= 0 && interactionType <= 3) {
            return 0;
        }
        if (interactionType >= 4 && interactionType <= 7) {
            return 1;
        }
        return interactionType == NC_TYPE ? 2 : -1;
    }

    private static int interactionType(Path map) {
        String name = map.getFileName().toString();
        Path info = map.resolveSibling(name.substring(0, name.length() - ".gz".length()) + ".info");
        try (BufferedReader reader = Files.newBufferedReader(info)) {
            String first = reader.readLine();
            if (first == null) {
                throw new DatasetFormatException(info, "interaction type", "file is empty");
            }
            return Integer.parseInt(first.trim());
        } catch (NoSuchFileException e) {
            throw new DatasetFormatException(info, "(file)", "missing .info file next to pixel map " + map, e);
        } catch (NumberFormatException e) {
            throw new DatasetFormatException(info, "interaction type", "first line is not an integer", e);
        } catch (IOException e) {
            throw new UncheckedIOException("failed to read " + info, e);
        }
    }

    private static byte[] inflate(Path map, int expectedBytes) {
        byte[] compressed;
        try {
            compressed = Files.readAllBytes(map);
        } catch (NoSuchFileException e) {
            throw new DatasetFormatException(map, "(file)", "pixel map file not found", e);
        } catch (IOException e) {
            throw new UncheckedIOException("failed to read pixel map " + map, e);
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(compressed);
            byte[] pixels = new byte[expectedBytes];
            int length = 0;
            while (length < expectedBytes && !inflater.finished()) {
                int read = inflater.inflate(pixels, length, expectedBytes - length);
                if (read == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                length += read;
            }
            if (length < expectedBytes) {
                throw new DatasetFormatException(map, "pixel map", "inflates to only " + length + " bytes, expected "
                        + expectedBytes + " (views x wires x ticks); the file is truncated or the map size differs");
            }
            if (!inflater.finished()) {
                throw new DatasetFormatException(map, "pixel map", "inflates to more than " + expectedBytes
                        + " bytes (views x wires x ticks); check the map size");
            }
            return pixels;
        } catch (DataFormatException e) {
            throw new DatasetFormatException(map, "pixel map", "not a zlib stream: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }
}
