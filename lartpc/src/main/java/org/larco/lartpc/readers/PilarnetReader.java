package org.larco.lartpc.readers;

import io.jhdf.HdfFile;
import io.jhdf.exceptions.HdfException;
import org.larco.lartpc.data.DatasetFormatException;
import org.larco.lartpc.data.ImageDataset;
import org.larco.lartpc.data.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads PILArNet-M HDF5 files ({@code generic_v2_<N>_v2.h5}) as single-particle images.
 *
 * <p>Each event is one row of the variable-length float32 datasets {@code point} (N x 8: x, y, z
 * voxel indices, voxel value, energy, time, electrons, dx) and {@code cluster} (M x 6: size,
 * fragment id, group id, interaction id, semantic class, pid), with points stored cluster by
 * cluster. Every group id with a particle pid (0 photon, 1 electron, 2 muon, 3 pion, 4 proton)
 * and at least {@code minVoxels} points becomes one image: its voxels projected on xy, yz and zx
 * (one voxel = one pixel, 3 mm), each cropped around its centroid. The pixel value is the voxel
 * value, the energy is the group's summed deposited energy, the event id is
 * {@code entry * 1000 + group id}. {@code cluster_extra} is not used.
 */
public final class PilarnetReader {

    private static final Logger LOG = LoggerFactory.getLogger(PilarnetReader.class);
    private static final int POINT_COLUMNS = 8;
    private static final int CLUSTER_COLUMNS = 6;
    /** Label in {@link Task#SINGLE_PARTICLE} order for PILArNet pid 0 (photon) to 4 (proton). */
    private static final int[] LABEL_OF_PID = {1, 0, 2, 3, 4};
    private static final int[][] PROJECTION_AXES = {{0, 1}, {1, 2}, {2, 0}};

    private PilarnetReader() {
    }

    /**
     * Reads every particle group of the file.
     *
     * @throws DatasetFormatException when a dataset is missing or a row has the wrong length
     */
    public static ImageDataset read(Path file, int imageSize, int minVoxels) {
        ReaderDatasets.requireImageSize(imageSize);
        ReaderDatasets.requireFile(file);
        try (HdfFile hdf = new HdfFile(file)) {
            Object[] points = rows(file, hdf, "point");
            Object[] clusters = rows(file, hdf, "cluster");
            if (points.length != clusters.length) {
                throw new DatasetFormatException(file, "cluster", clusters.length + " rows but point has "
                        + points.length + "; both need one row per event");
            }
            Builder builder = new Builder(file, imageSize);
            for (int entry = 0; entry < points.length; entry++) {
                readEvent(file, entry, (float[]) points[entry], (float[]) clusters[entry], minVoxels, builder);
            }
            LOG.info("read {} particles from {} events of PILArNet file {}", builder.size(), points.length, file);
            return builder.build();
        } catch (HdfException | ClassCastException e) {
            throw new DatasetFormatException(file, "(file)", "not a readable PILArNet-M HDF5 file: " + e.getMessage(), e);
        }
    }

    private static Object[] rows(Path file, HdfFile hdf, String name) {
        Object data = Hdf5Columns.dataset(file, hdf, name).getData();
        if (data instanceof Object[] rows && (rows.length == 0 || rows[0] instanceof float[])) {
            return rows;
        }
        throw new DatasetFormatException(file, name, "expected variable-length float32 rows, one per event");
    }

    private static void readEvent(Path file, int entry, float[] point, float[] cluster, int minVoxels, Builder builder) {
        if (point.length % POINT_COLUMNS != 0) {
            throw new DatasetFormatException(file, "point", "row " + entry + " has " + point.length
                    + " values, not a multiple of " + POINT_COLUMNS);
        }
        if (cluster.length % CLUSTER_COLUMNS != 0) {
            throw new DatasetFormatException(file, "cluster", "row " + entry + " has " + cluster.length
                    + " values, not a multiple of " + CLUSTER_COLUMNS);
        }
        int pointCount = point.length / POINT_COLUMNS;
        int clusterCount = cluster.length / CLUSTER_COLUMNS;
        int[] groupOfPoint = new int[pointCount];
        java.util.Arrays.fill(groupOfPoint, -1);
        List<int[]> groups = new ArrayList<>();
        int offset = 0;
        for (int c = 0; c < clusterCount; c++) {
            int size = (int) cluster[c * CLUSTER_COLUMNS];
            int group = (int) cluster[c * CLUSTER_COLUMNS + 2];
            int pid = (int) cluster[c * CLUSTER_COLUMNS + 5];
            if (size < 0 || offset + size > pointCount) {
                throw new DatasetFormatException(file, "cluster", "row " + entry + " cluster " + c + " claims "
                        + size + " points after " + offset + " of " + pointCount);
            }
            for (int k = offset; k < offset + size; k++) {
                groupOfPoint[k] = group;
            }
            offset += size;
            if (group >= 0 && pid >= 0 && pid < LABEL_OF_PID.length && groups.stream().noneMatch(g -> g[0] == group)) {
                groups.add(new int[] {group, pid});
            }
        }
        for (int[] group : groups) {
            addGroup(entry, group[0], LABEL_OF_PID[group[1]], point, groupOfPoint, minVoxels, builder);
        }
    }

    private static void addGroup(int entry, int group, int label, float[] point, int[] groupOfPoint, int minVoxels,
                                 Builder builder) {
        PlaneCropper cropper = builder.cropper;
        cropper.reset();
        double energy = 0;
        int voxels = 0;
        for (int k = 0; k < groupOfPoint.length; k++) {
            if (groupOfPoint[k] != group) {
                continue;
            }
            int base = k * POINT_COLUMNS;
            float value = point[base + 3];
            energy += point[base + 4];
            voxels++;
            for (int p = 0; p < PROJECTION_AXES.length; p++) {
                cropper.add(p, point[base + PROJECTION_AXES[p][0]], point[base + PROJECTION_AXES[p][1]], value);
            }
        }
        if (voxels >= minVoxels) {
            builder.add(cropper.crop(), label, (float) energy, entry * 1000L + group);
        }
    }

    /** Collects images and their labels into an {@link ImageDataset}. */
    private static final class Builder {
        final PlaneCropper cropper;
        private final int imageSize;
        private final String source;
        private final List<float[]> images = new ArrayList<>();
        private final List<Integer> labels = new ArrayList<>();
        private final List<Float> energies = new ArrayList<>();
        private final List<Long> ids = new ArrayList<>();

        Builder(Path file, int imageSize) {
            this.imageSize = imageSize;
            this.cropper = new PlaneCropper(3, imageSize, imageSize);
            this.source = String.valueOf(file.getFileName());
        }

        void add(float[] image, int label, float energy, long id) {
            images.add(image);
            labels.add(label);
            energies.add(energy);
            ids.add(id);
        }

        int size() {
            return images.size();
        }

        ImageDataset build() {
            return ReaderDatasets.build(imageSize, Task.SINGLE_PARTICLE, source, images, labels, energies, ids);
        }
    }
}
