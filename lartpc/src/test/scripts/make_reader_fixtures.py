#!/usr/bin/env python3
"""Write the small reader fixtures in src/test/resources/readers.

They follow the public layouts the readers accept: PILArNet-M (variable-length float32 rows
``point``, ``cluster`` and ``cluster_extra``, one row per event) and larcv3 (``/Events/event_id``
and ``/Data/<product>_<producer>_group`` compound tables). jHDF cannot write variable-length or
compound datasets, so h5py does. Run from the lartpc directory:

    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install h5py numpy
    /tmp/venv/bin/python src/test/scripts/make_reader_fixtures.py

The Java tests assert the numbers written here; change both together.
"""
import os

import h5py
import numpy as np

OUT = os.path.join(os.path.dirname(__file__), "..", "resources", "readers")


def track(start, direction, length, value):
    """Voxels (x, y, z, value, energy, time, electrons, dx) along a straight line."""
    rows = []
    for step in range(length):
        x, y, z = (start[k] + step * direction[k] for k in range(3))
        rows.append([x, y, z, value, value * 0.01, 0.0, value * 100.0, 0.3])
    return rows


def pilarnet():
    # Event 0: a muon (group 0), an electron shower split into two fragments (group 1),
    # and a low-energy deposit (group -1). Event 1: a proton (group 0) and a photon (group 1).
    events = [
        [
            # size, fragment id, group id, interaction id, semantic class, pid
            (track((100, 100, 100), (1, 1, 0), 40, 2.0), (0, 0, 0, 1, 2)),
            (track((300, 300, 300), (0, 1, 1), 12, 5.0), (1, 1, 0, 0, 1)),
            (track((300, 312, 312), (1, 1, 0), 8, 3.0), (2, 1, 0, 0, 1)),
            (track((500, 500, 500), (0, 0, 1), 2, 0.5), (3, -1, 0, 4, -1)),
        ],
        [
            (track((200, 200, 200), (0, 1, 0), 10, 9.0), (0, 0, 0, 1, 4)),
            (track((400, 420, 400), (1, 0, 1), 20, 4.0), (1, 1, 0, 0, 0)),
        ],
    ]
    vlen = h5py.vlen_dtype(np.dtype("float32"))
    with h5py.File(os.path.join(OUT, "generic_v2_2_v2.h5"), "w") as f:
        point = f.create_dataset("point", (len(events),), dtype=vlen)
        cluster = f.create_dataset("cluster", (len(events),), dtype=vlen)
        extra = f.create_dataset("cluster_extra", (len(events),), dtype=vlen)
        for i, clusters in enumerate(events):
            points = [row for rows, _ in clusters for row in rows]
            table = [[len(rows), *ids] for rows, ids in clusters]
            point[i] = np.asarray(points, dtype="float32").ravel()
            cluster[i] = np.asarray(table, dtype="float32").ravel()
            extra[i] = np.zeros(len(clusters) * 5, dtype="float32")


def larcv3():
    extents_t = np.dtype([("first", "<u4"), ("N", "<u4")])
    id_extents_t = np.dtype([("first", "<u4"), ("N", "<u4"), ("ID", "<u4")])
    meta_t = np.dtype([("valid", "u1"), ("projection_id", "<u8"), ("image_sizes", "<f8", (2,)),
                       ("number_of_voxels", "<u8", (2,)), ("origin", "<f8", (2,))])
    voxel_t = np.dtype([("id", "<u8"), ("value", "<f4")])
    event_id_t = np.dtype([("run", "<u4"), ("subrun", "<u4"), ("event", "<u4")])
    particle_t = np.dtype([("id", "<u4"), ("pdg_code", "<i4"), ("energy_init", "<f8")])

    rows, cols = 128, 96  # number_of_voxels = (cols, rows); index = col * rows + row
    events = [
        # (pdg, energy MeV, list of (projection, [(col, row, value)]))
        (13, 350.0, [(p, [(10 + k, 20 + k + p, 1.5) for k in range(30)]) for p in range(3)]),
        (2212, 480.0, [(p, [(50, 60 + k, 8.0) for k in range(6)]) for p in range(3)]),
        (22, 200.0, [(p, [(70 + k % 5, 90 + k // 5, 2.0) for k in range(25)]) for p in range(3)]),
    ]
    extents, id_extents, metas, voxels, particles, particle_extents, event_ids = [], [], [], [], [], [], []
    for e, (pdg, energy, projections) in enumerate(events):
        extents.append((len(id_extents), len(projections)))
        for projection, pixels in projections:
            id_extents.append((len(voxels), len(pixels), projection))
            metas.append((1, projection, (cols * 0.3, rows * 0.3), (cols, rows), (0.0, 0.0)))
            voxels.extend((col * rows + row, value) for col, row, value in pixels)
        particle_extents.append((len(particles), 1))
        particles.append((0, pdg, energy))
        event_ids.append((1, 0, e))

    with h5py.File(os.path.join(OUT, "larcv3_sparse2d.h5"), "w") as f:
        f.create_dataset("Events/event_id", data=np.array(event_ids, dtype=event_id_t))
        group = f.create_group("Data/sparse2d_data_group")
        group.create_dataset("extents", data=np.array(extents, dtype=extents_t))
        group.create_dataset("voxel_extents", data=np.array(id_extents, dtype=id_extents_t))
        group.create_dataset("image_meta", data=np.array(metas, dtype=meta_t))
        group.create_dataset("voxels", data=np.array(voxels, dtype=voxel_t))
        labels = f.create_group("Data/particle_label_group")
        labels.create_dataset("extents", data=np.array(particle_extents, dtype=extents_t))
        labels.create_dataset("particles", data=np.array(particles, dtype=particle_t))


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    pilarnet()
    larcv3()
