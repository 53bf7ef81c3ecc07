package org.larco.lartpc.readers;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import org.larco.lartpc.data.DatasetFormatException;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Map;

/** Lookups of datasets and compound members that fail with the file and field named. */
final class Hdf5Columns {

    private Hdf5Columns() {
    }

    static Dataset dataset(Path file, HdfFile hdf, String path) {
        Node node;
        try {
            node = hdf.getByPath(path);
        } catch (RuntimeException e) {
            throw new DatasetFormatException(file, path, "dataset missing", e);
        }
        if (!(node instanceof Dataset dataset)) {
            throw new DatasetFormatException(file, path, "expected a dataset, found a " + node.getType());
        }
        return dataset;
    }

    static boolean exists(HdfFile hdf, String path) {
        try {
            return hdf.getByPath(path) != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Returns the members of a compound dataset by name. */
    static Map<String, Object> compound(Path file, HdfFile hdf, String path) {
        Dataset dataset = dataset(file, hdf, path);
        if (!dataset.isCompound()) {
            throw new DatasetFormatException(file, path, "expected a compound table");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> members = (Map<String, Object>) dataset.getData();
        return members;
    }

    static Object member(Path file, Map<String, Object> table, String path, String... names) {
        for (String name : names) {
            Object column = table.get(name);
            if (column != null) {
                return column;
            }
        }
        throw new DatasetFormatException(file, path + "." + names[0], "member missing; the table has " + table.keySet());
    }

    /** Converts any integer column that jHDF returns (int, long, unsigned as BigInteger, ...) to long[]. */
    static long[] longs(Path file, String field, Object column) {
        if (column instanceof long[] values) {
            return values;
        }
        if (column instanceof int[] values) {
            return java.util.Arrays.stream(values).asLongStream().toArray();
        }
        if (column instanceof short[] values) {
            long[] result = new long[values.length];
            for (int i = 0; i < values.length; i++) {
                result[i] = values[i];
            }
            return result;
        }
        if (column instanceof byte[] values) {
            long[] result = new long[values.length];
            for (int i = 0; i < values.length; i++) {
                result[i] = values[i];
            }
            return result;
        }
        if (column instanceof BigInteger[] values) {
            long[] result = new long[values.length];
            for (int i = 0; i < values.length; i++) {
                result[i] = values[i].longValueExact();
            }
            return result;
        }
        throw new DatasetFormatException(file, field, "expected integer values, found "
                + column.getClass().getSimpleName());
    }

    /** Converts a float or double column to double[]. */
    static double[] doubles(Path file, String field, Object column) {
        if (column instanceof double[] values) {
            return values;
        }
        if (column instanceof float[] values) {
            double[] result = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                result[i] = values[i];
            }
            return result;
        }
        throw new DatasetFormatException(file, field, "expected floating-point values, found "
                + column.getClass().getSimpleName());
    }

    /** Converts a two-dimensional integer column (rows of a fixed-size array member) to long[][]. */
    static long[][] longRows(Path file, String field, Object column) {
        if (column instanceof Object[] rows) {
            long[][] result = new long[rows.length][];
            for (int i = 0; i < rows.length; i++) {
                result[i] = longs(file, field, rows[i]);
            }
            return result;
        }
        throw new DatasetFormatException(file, field, "expected an array member, found " + column.getClass().getSimpleName());
    }
}
