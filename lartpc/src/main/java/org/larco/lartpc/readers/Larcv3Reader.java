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
import java.util.Map;

/**
 * Reads larcv3 HDF5 files with a 2D sparse tensor product as single-particle images.
 *
 * <p>Layout read: {@code /Data/sparse2d_<producer>_group/} with the compound tables
 * {@code extents} (first, N: the event's rows of voxel_extents), {@code voxel_extents} (first, N,
 * ID: a projection's rows of voxels), {@code image_meta} (one per voxel_extents row; its
 * {@code number_of_voxels} gives the projection size) and {@code voxels} (id, value; id =
 * column * rows + row). Projections 0, 1 and 2 become the three planes, column on the wire axis and
 * row on the time axis, each cropped around its centroid without rescaling. Labels come from the
 * first particle of each event in {@code /Data/particle_<labelProducer>_group/particles} (member
 * {@code pdg_code}, or {@code pdg}); events whose PDG code is not e, gamma, mu, charged pi or p are
 * skipped. The energy is the particle's {@code energy_init} when the table has it, else 0.
 */
public final class Larcv3Reader {

    private static final Logger LOG = LoggerFactory.getLogger(Larcv3Reader.class);

    private Larcv3Reader() {
    }

    /**
     * Reads all events of one sparse2d producer.
     *
     * @throws DatasetFormatException when a table or member is missing or inconsistent
     */
    public static ImageDataset read(Path file, String producer, String labelProducer, int imageSize) {
        ReaderDatasets.requireImageSize(imageSize);
        ReaderDatasets.requireFile(file);
        try (HdfFile hdf = new HdfFile(file)) {
            SparseTables tables = SparseTables.read(file, hdf, "/Data/sparse2d_" + producer + "_group");
            ParticleLabels labels = ParticleLabels.read(file, hdf, "/Data/particle_" + labelProducer + "_group");
            if (labels.count() != tables.events()) {
                throw new DatasetFormatException(file, labels.path() + "/extents", labels.count()
                        + " events but the sparse2d table has " + tables.events());
            }
            return collect(file, tables, labels, imageSize);
        } catch (HdfException | ClassCastException | ArithmeticException e) {
            throw new DatasetFormatException(file, "(file)", "not a readable larcv3 HDF5 file: " + e.getMessage(), e);
        }
    }

    private static ImageDataset collect(Path file, SparseTables tables, ParticleLabels labels, int imageSize) {
        PlaneCropper cropper = new PlaneCropper(3, imageSize, imageSize);
        List<float[]> images = new ArrayList<>();
        List<Integer> classes = new ArrayList<>();
        List<Float> energies = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        int skipped = 0;
        for (int event = 0; event < tables.events(); event++) {
            int label = labels.label(event);
            if (label < 0) {
                skipped++;
                continue;
            }
            cropper.reset();
            tables.fill(event, cropper);
            images.add(cropper.crop());
            classes.add(label);
            energies.add((float) labels.energy(event));
            ids.add((long) event);
        }
        if (skipped > 0) {
            LOG.warn("skipped {} of {} events of {} whose first particle is not e, gamma, mu, pi or p",
                    skipped, tables.events(), file);
        }
        return ReaderDatasets.build(imageSize, Task.SINGLE_PARTICLE, String.valueOf(file.getFileName()), images,
                classes, energies, ids);
    }

    /** The four tables of one sparse2d product. */
    private record SparseTables(Path file, String path, long[] eventFirst, long[] eventCount, long[] voxelFirst,
                                long[] voxelCount, long[] projection, long[][] shape, long[] voxelId, double[] voxelValue) {

        static SparseTables read(Path file, HdfFile hdf, String path) {
            Map<String, Object> extents = Hdf5Columns.compound(file, hdf, path + "/extents");
            Map<String, Object> voxelExtents = Hdf5Columns.compound(file, hdf, path + "/voxel_extents");
            Map<String, Object> meta = Hdf5Columns.compound(file, hdf, path + "/image_meta");
            Map<String, Object> voxels = Hdf5Columns.compound(file, hdf, path + "/voxels");
            SparseTables tables = new SparseTables(file, path,
                    column(file, extents, path + "/extents", "first"),
                    column(file, extents, path + "/extents", "N"),
                    column(file, voxelExtents, path + "/voxel_extents", "first"),
                    column(file, voxelExtents, path + "/voxel_extents", "N"),
                    column(file, voxelExtents, path + "/voxel_extents", "ID"),
                    Hdf5Columns.longRows(file, path + "/image_meta.number_of_voxels",
                            Hdf5Columns.member(file, meta, path + "/image_meta", "number_of_voxels")),
                    Hdf5Columns.longs(file, path + "/voxels.id",
                            Hdf5Columns.member(file, voxels, path + "/voxels", "id", "index")),
                    Hdf5Columns.doubles(file, path + "/voxels.value",
                            Hdf5Columns.member(file, voxels, path + "/voxels", "value")));
            tables.check();
            return tables;
        }

        private static long[] column(Path file, Map<String, Object> table, String path, String name) {
            return Hdf5Columns.longs(file, path + "." + name, Hdf5Columns.member(file, table, path, name));
        }

        int events() {
            return eventFirst.length;
        }

        private void check() {
            for (int e = 0; e < events(); e++) {
                if (eventFirst[e] < 0 || eventFirst[e] + eventCount[e] > voxelFirst.length) {
                    throw new DatasetFormatException(file, path + "/extents", "event " + e + " points at rows "
                            + eventFirst[e] + ".." + (eventFirst[e] + eventCount[e]) + " of " + voxelFirst.length);
                }
            }
            if (shape.length != voxelFirst.length) {
                throw new DatasetFormatException(file, path + "/image_meta", shape.length
                        + " rows but voxel_extents has " + voxelFirst.length);
            }
            for (int j = 0; j < voxelFirst.length; j++) {
                if (voxelFirst[j] < 0 || voxelFirst[j] + voxelCount[j] > voxelId.length) {
                    throw new DatasetFormatException(file, path + "/voxel_extents", "row " + j + " points at voxels "
                            + voxelFirst[j] + ".." + (voxelFirst[j] + voxelCount[j]) + " of " + voxelId.length);
                }
                if (shape[j].length != 2 || shape[j][0] <= 0 || shape[j][1] <= 0) {
                    throw new DatasetFormatException(file, path + "/image_meta", "row " + j
                            + " is not a 2D projection with positive number_of_voxels");
                }
            }
        }

        void fill(int event, PlaneCropper cropper) {
            for (long j = eventFirst[event]; j < eventFirst[event] + eventCount[event]; j++) {
                int row = (int) j;
                if (projection[row] > 2) {
                    continue;
                }
                long rows = shape[row][1];
                for (long v = voxelFirst[row]; v < voxelFirst[row] + voxelCount[row]; v++) {
                    long id = voxelId[(int) v];
                    cropper.add((int) projection[row], id / rows, id % rows, (float) voxelValue[(int) v]);
                }
            }
        }
    }

    /** First particle per event: its label and energy. */
    private record ParticleLabels(String path, int[] labels, double[] energies) {

        static ParticleLabels read(Path file, HdfFile hdf, String path) {
            Map<String, Object> extents = Hdf5Columns.compound(file, hdf, path + "/extents");
            Map<String, Object> particles = Hdf5Columns.compound(file, hdf, path + "/particles");
            long[] first = Hdf5Columns.longs(file, path + "/extents.first",
                    Hdf5Columns.member(file, extents, path + "/extents", "first"));
            long[] count = Hdf5Columns.longs(file, path + "/extents.N",
                    Hdf5Columns.member(file, extents, path + "/extents", "N"));
            long[] pdg = Hdf5Columns.longs(file, path + "/particles.pdg_code",
                    Hdf5Columns.member(file, particles, path + "/particles", "pdg_code", "pdg"));
            Object energyColumn = particles.get("energy_init");
            double[] energy = energyColumn == null ? new double[pdg.length]
                    : Hdf5Columns.doubles(file, path + "/particles.energy_init", energyColumn);
            int[] labels = new int[first.length];
            double[] energies = new double[first.length];
            for (int e = 0; e < first.length; e++) {
                if (count[e] < 1 || first[e] < 0 || first[e] >= pdg.length) {
                    labels[e] = -1;
                    continue;
                }
                labels[e] = labelOfPdg(pdg[(int) first[e]]);
                energies[e] = energy[(int) first[e]];
            }
            return new ParticleLabels(path, labels, energies);
        }

        int count() {
            return labels.length;
        }

        int label(int event) {
            return labels[event];
        }

        double energy(int event) {
            return energies[event];
        }
    }

    /** Returns the single-particle label of a PDG code, or -1 for other particles. */
    static int labelOfPdg(long pdg) {
        return switch ((int) Math.abs(pdg)) {
            case 11 -> 0;
            case 22 -> 1;
            case 13 -> 2;
            case 211 -> 3;
            case 2212 -> 4;
            default -> -1;
        };
    }
}
