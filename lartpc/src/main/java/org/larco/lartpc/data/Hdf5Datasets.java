package org.larco.lartpc.data;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.DatasetCreationOptions;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes {@link ImageDataset}s as HDF5 files (layout in the module README).
 *
 * <p>Root attributes {@code format} = "larco-lartpc-images", {@code format_version} = 1,
 * {@code class_names}, {@code sources}; datasets {@code images} float32 (N, planes, wires, time),
 * {@code labels} int32 (N), {@code energy_mev} float32 (N), {@code event_id} int64 (N) and
 * {@code source_index} int32 (N) into {@code sources}.
 */
public final class Hdf5Datasets {

    public static final String FORMAT = "larco-lartpc-images";
    public static final int FORMAT_VERSION = 1;

    private static final int READ_BLOCK_EVENTS = 256;
    /** Root attributes of the layout itself; jHDF adds "_jHDF" with its version. */
    private static final java.util.Set<String> RESERVED_ATTRIBUTES =
            java.util.Set.of("format", "format_version", "class_names", "sources", "_jHDF");

    private static final Logger LOG = LoggerFactory.getLogger(Hdf5Datasets.class);

    private Hdf5Datasets() {
    }

    /**
     * Writes a dataset atomically: to a temporary file in the target directory, then renamed, so
     * readers never see a partial file and a failed write leaves nothing behind.
     *
     * @throws IllegalArgumentException when the dataset is empty
     * @throws UncheckedIOException     when the file cannot be written
     */
    public static void write(Path file, ImageDataset data) {
        write(file, data, Map.of());
    }

    /**
     * Writes a dataset atomically with extra string attributes on the root group, for example the
     * generator's task, seed and configuration.
     *
     * @throws IllegalArgumentException when the dataset is empty or an attribute name is reserved
     */
    public static void write(Path file, ImageDataset data, Map<String, String> metadata) {
        for (String name : metadata.keySet()) {
            if (RESERVED_ATTRIBUTES.contains(name)) {
                throw new IllegalArgumentException("cannot write metadata '" + name + "' to " + file
                        + ": the name is reserved; reserved names are " + RESERVED_ATTRIBUTES);
            }
        }
        if (data.size() == 0) {
            throw new IllegalArgumentException("cannot write " + file + ": the dataset has no events");
        }
        Path target = file.toAbsolutePath();
        Path temporary = null;
        try {
            Files.createDirectories(target.getParent());
            temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            writeContents(temporary, data, metadata);
            FilePermissions.makeWorldReadable(temporary);
            moveIntoPlace(temporary, target);
            LOG.info("wrote {} events ({}) to {}", data.size(), data.shapeText(), target);
        } catch (IOException e) {
            throw new UncheckedIOException("failed to write dataset file " + target, e);
        } catch (HdfException e) {
            throw new IllegalStateException("failed to write dataset file " + target + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(temporary);
        }
    }

    /**
     * Reads a dataset written by {@link #write}.
     *
     * @throws DatasetFormatException when the file is not HDF5 or is truncated, or when a field is missing
     *                                or has the wrong shape or values. The message names the file and the field.
     */
    public static ImageDataset read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DatasetFormatException(file, "(file)", "file not found or not a regular file");
        }
        try (HdfFile hdf = new HdfFile(file)) {
            return readContents(file, hdf);
        } catch (DatasetFormatException e) {
            throw e;
        } catch (HdfException | IllegalArgumentException | ClassCastException | IllegalStateException
                 | ArrayIndexOutOfBoundsException | UncheckedIOException e) {
            throw new DatasetFormatException(file, "(file)", "not a readable HDF5 file, or truncated: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Reads the extra string attributes written with {@link #write(Path, ImageDataset, Map)}.
     *
     * @throws DatasetFormatException when the file is not a readable HDF5 file
     */
    public static Map<String, String> readMetadata(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DatasetFormatException(file, "(file)", "file not found or not a regular file");
        }
        try (HdfFile hdf = new HdfFile(file)) {
            Map<String, String> metadata = new java.util.TreeMap<>();
            for (Map.Entry<String, Attribute> attribute : hdf.getAttributes().entrySet()) {
                Object value = attribute.getValue().getData();
                if (!RESERVED_ATTRIBUTES.contains(attribute.getKey()) && value instanceof String text) {
                    metadata.put(attribute.getKey(), text);
                }
            }
            return metadata;
        } catch (HdfException e) {
            throw new DatasetFormatException(file, "(file)", "not a readable HDF5 file, or truncated: " + e.getMessage(), e);
        }
    }

    private static void writeContents(Path temporary, ImageDataset data, Map<String, String> metadata) {
        SourceTable sources = SourceTable.of(data.rawSources());
        try (WritableHdfFile hdf = HdfFile.write(temporary)) {
            for (Map.Entry<String, String> entry : new java.util.TreeMap<>(metadata).entrySet()) {
                hdf.putAttribute(entry.getKey(), entry.getValue());
            }
            hdf.putAttribute("format", FORMAT);
            hdf.putAttribute("format_version", FORMAT_VERSION);
            hdf.putAttribute("class_names", data.classNames().toArray(new String[0]));
            hdf.putAttribute("sources", sources.names());
            DatasetCreationOptions imageOptions = DatasetCreationOptions.builder()
                    .chunkDimensions(1, data.planes(), data.height(), data.width())
                    .shuffle()
                    .deflate(4)
                    .build();
            hdf.putDataset("images", shapedImages(data), imageOptions);
            hdf.putDataset("labels", data.rawLabels().clone());
            hdf.putDataset("energy_mev", data.rawEnergies().clone());
            hdf.putDataset("event_id", data.rawEventIds().clone());
            hdf.putDataset("source_index", sources.indices());
        }
    }

    private static float[][][][] shapedImages(ImageDataset data) {
        float[][][][] shaped = new float[data.size()][data.planes()][data.height()][data.width()];
        for (int i = 0; i < data.size(); i++) {
            float[] flat = data.rawImages()[i];
            for (int p = 0; p < data.planes(); p++) {
                for (int w = 0; w < data.height(); w++) {
                    System.arraycopy(flat, (p * data.height() + w) * data.width(), shaped[i][p][w], 0, data.width());
                }
            }
        }
        return shaped;
    }

    private static ImageDataset readContents(Path file, HdfFile hdf) {
        String format = stringAttribute(file, hdf, "format");
        if (!FORMAT.equals(format)) {
            throw new DatasetFormatException(file, "format", "expected '" + FORMAT + "', found '" + format
                    + "'; use the readers in org.larco.lartpc.readers for other layouts");
        }
        List<String> classNames = List.of(stringArrayAttribute(file, hdf, "class_names"));
        String[] sourceNames = stringArrayAttribute(file, hdf, "sources");

        Dataset imagesDataset = dataset(file, hdf, "images");
        int[] dims = imagesDataset.getDimensions();
        if (dims.length != 4 || dims[1] <= 0 || dims[2] <= 0 || dims[3] <= 0) {
            throw new DatasetFormatException(file, "images", "expected shape (events, planes, wires, time), found "
                    + java.util.Arrays.toString(dims));
        }
        int n = dims[0];
        int[] labels = intColumn(file, hdf, "labels", n);
        float[] energies = floatColumn(file, hdf, "energy_mev", n);
        long[] eventIds = longColumn(file, hdf, "event_id", n);
        int[] sourceIndex = intColumn(file, hdf, "source_index", n);

        String[] sources = new String[n];
        for (int i = 0; i < n; i++) {
            if (labels[i] < 0 || labels[i] >= classNames.size()) {
                throw new DatasetFormatException(file, "labels", "label " + labels[i] + " of event " + i
                        + " is outside 0.." + (classNames.size() - 1) + " for class_names " + classNames);
            }
            if (sourceIndex[i] < 0 || sourceIndex[i] >= sourceNames.length) {
                throw new DatasetFormatException(file, "source_index", "index " + sourceIndex[i] + " of event " + i
                        + " is outside the " + sourceNames.length + " entries of the sources attribute");
            }
            sources[i] = sourceNames[sourceIndex[i]];
        }
        float[][] images = flatImages(file, imagesDataset, dims);
        return ImageDataset.adopt(dims[1], dims[2], dims[3], classNames, images, labels, energies, sources, eventIds);
    }

    /** Reads the images in blocks of events, so the nested arrays jHDF returns stay small. */
    private static float[][] flatImages(Path file, Dataset dataset, int[] dims) {
        if (dataset.getJavaType() != float.class) {
            throw new DatasetFormatException(file, "images", "expected float32 values, found "
                    + dataset.getJavaType().getSimpleName());
        }
        int planes = dims[1];
        int height = dims[2];
        int width = dims[3];
        float[][] images = new float[dims[0]][];
        for (int from = 0; from < dims[0]; from += READ_BLOCK_EVENTS) {
            int count = Math.min(READ_BLOCK_EVENTS, dims[0] - from);
            Object block = dataset.getData(new long[] {from, 0, 0, 0}, new int[] {count, planes, height, width});
            float[][][][] shaped = (float[][][][]) block;
            for (int k = 0; k < count; k++) {
                float[] flat = new float[planes * height * width];
                for (int p = 0; p < planes; p++) {
                    for (int w = 0; w < height; w++) {
                        System.arraycopy(shaped[k][p][w], 0, flat, (p * height + w) * width, width);
                    }
                }
                images[from + k] = flat;
            }
        }
        return images;
    }

    private static Dataset dataset(Path file, HdfFile hdf, String name) {
        Node node = hdf.getChildren().get(name);
        if (node == null) {
            throw new DatasetFormatException(file, name, "dataset missing");
        }
        if (!(node instanceof Dataset dataset)) {
            throw new DatasetFormatException(file, name, "expected a dataset, found a " + node.getType());
        }
        return dataset;
    }

    private static Object column(Path file, HdfFile hdf, String name, int expectedLength) {
        Dataset dataset = dataset(file, hdf, name);
        int[] dims = dataset.getDimensions();
        if (dims.length != 1 || dims[0] != expectedLength) {
            throw new DatasetFormatException(file, name, "expected shape (" + expectedLength + ",) to match images, found "
                    + java.util.Arrays.toString(dims));
        }
        return dataset.getData();
    }

    private static int[] intColumn(Path file, HdfFile hdf, String name, int expectedLength) {
        Object data = column(file, hdf, name, expectedLength);
        if (data instanceof int[] values) {
            return values;
        }
        throw new DatasetFormatException(file, name, "expected int32 values, found " + data.getClass().getSimpleName());
    }

    private static float[] floatColumn(Path file, HdfFile hdf, String name, int expectedLength) {
        Object data = column(file, hdf, name, expectedLength);
        if (data instanceof float[] values) {
            return values;
        }
        throw new DatasetFormatException(file, name, "expected float32 values, found " + data.getClass().getSimpleName());
    }

    private static long[] longColumn(Path file, HdfFile hdf, String name, int expectedLength) {
        Object data = column(file, hdf, name, expectedLength);
        if (data instanceof long[] values) {
            return values;
        }
        throw new DatasetFormatException(file, name, "expected int64 values, found " + data.getClass().getSimpleName());
    }

    private static String stringAttribute(Path file, HdfFile hdf, String name) {
        Attribute attribute = hdf.getAttribute(name);
        if (attribute == null) {
            throw new DatasetFormatException(file, name, "root attribute missing; is this a LArCo dataset file?");
        }
        Object value = attribute.getData();
        if (value instanceof String text) {
            return text;
        }
        throw new DatasetFormatException(file, name, "expected a string attribute, found " + value.getClass().getSimpleName());
    }

    private static String[] stringArrayAttribute(Path file, HdfFile hdf, String name) {
        Attribute attribute = hdf.getAttribute(name);
        if (attribute == null) {
            throw new DatasetFormatException(file, name, "root attribute missing");
        }
        Object value = attribute.getData();
        if (value instanceof String[] values && values.length > 0) {
            return values;
        }
        if (value instanceof String single) {
            return new String[] {single};
        }
        throw new DatasetFormatException(file, name, "expected a non-empty string array attribute");
    }

    private static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path temporary) {
        if (temporary == null) {
            return;
        }
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            LOG.warn("failed to delete temporary file {}", temporary, e);
        }
    }

    /** Distinct source names and each event's index into them, in first-seen order. */
    private record SourceTable(String[] names, int[] indices) {

        static SourceTable of(String[] sources) {
            Map<String, Integer> index = new LinkedHashMap<>();
            int[] indices = new int[sources.length];
            for (int i = 0; i < sources.length; i++) {
                indices[i] = index.computeIfAbsent(sources[i], key -> index.size());
            }
            List<String> names = new ArrayList<>(index.keySet());
            return new SourceTable(names.toArray(new String[0]), indices);
        }
    }
}
