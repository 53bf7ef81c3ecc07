package org.larco.lartpc.readers;

import java.util.Arrays;

/**
 * Builds one image from charge points given per plane in pixel coordinates: each plane is cropped
 * to {@code height x width} pixels centred on that plane's charge-weighted centroid. Points outside
 * the crop are dropped. Not thread-safe; reuse one instance per event with {@link #reset()}.
 */
final class PlaneCropper {

    private final int planes;
    private final int height;
    private final int width;
    private int[] plane = new int[256];
    private float[] wire = new float[256];
    private float[] time = new float[256];
    private float[] value = new float[256];
    private int size;

    PlaneCropper(int planes, int height, int width) {
        this.planes = planes;
        this.height = height;
        this.width = width;
    }

    void reset() {
        size = 0;
    }

    int size() {
        return size;
    }

    void add(int planeIndex, double wireCoordinate, double timeCoordinate, float charge) {
        if (size == plane.length) {
            int capacity = size * 2;
            plane = Arrays.copyOf(plane, capacity);
            wire = Arrays.copyOf(wire, capacity);
            time = Arrays.copyOf(time, capacity);
            value = Arrays.copyOf(value, capacity);
        }
        plane[size] = planeIndex;
        wire[size] = (float) wireCoordinate;
        time[size] = (float) timeCoordinate;
        value[size] = charge;
        size++;
    }

    /** Returns the image laid out (plane, wire, time) with the crops of every plane. */
    float[] crop() {
        double[] total = new double[planes];
        double[] wireSum = new double[planes];
        double[] timeSum = new double[planes];
        for (int i = 0; i < size; i++) {
            double weight = Math.abs(value[i]);
            total[plane[i]] += weight;
            wireSum[plane[i]] += weight * wire[i];
            timeSum[plane[i]] += weight * time[i];
        }
        int[] wireOrigin = new int[planes];
        int[] timeOrigin = new int[planes];
        for (int p = 0; p < planes; p++) {
            double wireCentre = total[p] > 0 ? wireSum[p] / total[p] : 0;
            double timeCentre = total[p] > 0 ? timeSum[p] / total[p] : 0;
            wireOrigin[p] = (int) Math.floor(wireCentre - height / 2.0 + 0.5);
            timeOrigin[p] = (int) Math.floor(timeCentre - width / 2.0 + 0.5);
        }
        float[] image = new float[planes * height * width];
        for (int i = 0; i < size; i++) {
            int p = plane[i];
            int w = (int) Math.floor(wire[i]) - wireOrigin[p];
            int t = (int) Math.floor(time[i]) - timeOrigin[p];
            if (w >= 0 && w < height && t >= 0 && t < width) {
                image[(p * height + w) * width + t] += value[i];
            }
        }
        return image;
    }
}
