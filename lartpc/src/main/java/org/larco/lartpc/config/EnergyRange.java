package org.larco.lartpc.config;

/** A flat spectrum between two values in MeV (momentum in MeV/c where the key says so). */
public record EnergyRange(double min, double max) {
}
