package org.larco.lartpc.sim;

import java.util.Arrays;

/**
 * Energy deposits of one event: midpoint position (cm), deposited energy (MeV) and the local
 * dE/dx (MeV/cm) that recombination depends on, which also gives the step length as energy / dE/dx. Grows as needed; not thread-safe.
 */
public final class DepositBuffer {

    private float[] x = new float[1024];
    private float[] y = new float[1024];
    private float[] z = new float[1024];
    private float[] energyMev = new float[1024];
    private float[] dEdx = new float[1024];
    private int[] generation = new int[1024];
    private int size;

    void add(double px, double py, double pz, double deposit, double localDEdx, int particleGeneration) {
        if (size == x.length) {
            int capacity = size * 2;
            x = Arrays.copyOf(x, capacity);
            y = Arrays.copyOf(y, capacity);
            z = Arrays.copyOf(z, capacity);
            energyMev = Arrays.copyOf(energyMev, capacity);
            dEdx = Arrays.copyOf(dEdx, capacity);
            generation = Arrays.copyOf(generation, capacity);
        }
        x[size] = (float) px;
        y[size] = (float) py;
        z[size] = (float) pz;
        energyMev[size] = (float) deposit;
        dEdx[size] = (float) localDEdx;
        generation[size] = particleGeneration;
        size++;
    }

    public int size() {
        return size;
    }

    public float x(int i) {
        return x[i];
    }

    public float y(int i) {
        return y[i];
    }

    public float z(int i) {
        return z[i];
    }

    public float energyMev(int i) {
        return energyMev[i];
    }

    public float dEdxMevPerCm(int i) {
        return dEdx[i];
    }

    /** Returns 0 for deposits of a primary particle, 1 for its daughters, and so on. */
    public int generation(int i) {
        return generation[i];
    }

    /** Returns the summed deposited energy in MeV. */
    public double totalEnergyMev() {
        double total = 0;
        for (int i = 0; i < size; i++) {
            total += energyMev[i];
        }
        return total;
    }
}
