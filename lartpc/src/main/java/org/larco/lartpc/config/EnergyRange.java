package org.larco.lartpc.config;

/** A flat spectrum between two values in MeV, or in MeV/c for the momentum keys. */
public record EnergyRange(double min, double max) {
}
