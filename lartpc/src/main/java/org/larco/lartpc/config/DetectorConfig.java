package org.larco.lartpc.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Detector, beam and image settings of one group's simulation, immutable.
 *
 * <p>Built from a preset ({@link #preset(String)}) or a YAML/JSON file ({@link #load(Path)}); a
 * file may name a preset under {@code base} and override only some keys. The README of this module
 * lists every key.
 *
 * @param name              configuration name, stored with each generated event
 * @param argon             liquid argon and drift
 * @param readout           wire planes, shaping, noise and ADC
 * @param image             crop size
 * @param physics           stepping and process knobs
 * @param momentumMevC      flat momentum range per single-particle class, in MeV/c
 * @param neutrinoEnergyMev flat neutrino energy range for the neutrino task, in MeV
 * @param classPriors       relative class frequencies by class name; missing classes get 0,
 *                          an empty map means equal priors
 */
public record DetectorConfig(
        String name,
        ArgonConfig argon,
        ReadoutConfig readout,
        ImageConfig image,
        PhysicsConfig physics,
        Map<String, EnergyRange> momentumMevC,
        EnergyRange neutrinoEnergyMev,
        Map<String, Double> classPriors) {

    public DetectorConfig {
        momentumMevC = momentumMevC == null ? Map.of() : Map.copyOf(momentumMevC);
        classPriors = classPriors == null ? Map.of() : Map.copyOf(classPriors);
    }

    /**
     * Returns a built-in preset: "microboone", "dune-fd" or "icarus".
     *
     * @throws IllegalArgumentException for any other name, listing the valid names
     */
    public static DetectorConfig preset(String name) {
        return ConfigLoader.preset(name);
    }

    /** Returns the names of the built-in presets. */
    public static List<String> presetNames() {
        return ConfigLoader.PRESET_NAMES;
    }

    /**
     * Reads a YAML or JSON file (by extension; anything but .json is read as YAML).
     *
     * @throws IllegalArgumentException when the file is missing, malformed or has an invalid value,
     *                                  naming the file and the key
     */
    public static DetectorConfig load(Path file) {
        return ConfigLoader.load(file);
    }

    /** Returns a copy with another name, for example to tag a group's variant of a preset. */
    public DetectorConfig withName(String newName) {
        return new DetectorConfig(newName, argon, readout, image, physics, momentumMevC,
                neutrinoEnergyMev, classPriors);
    }

    /** Returns this configuration as JSON, the form stored in dataset files. */
    public String toJson() {
        return ConfigLoader.toJson(this);
    }

    /** Returns the collection wire pitch in mm (the last plane). */
    public double collectionPitchMm() {
        return readout.planes().get(readout.planes().size() - 1).wirePitchMm();
    }

    /**
     * Returns the ticks averaged into one time pixel, resolving the automatic value 0 to about
     * {@code image.wiresPerPixel} collection pitches of drift.
     */
    public int effectiveTicksPerPixel() {
        if (image.ticksPerPixel() > 0) {
            return image.ticksPerPixel();
        }
        double driftPerTickMm = argon.driftVelocityMmPerUs() * readout.tickUs();
        return Math.max(1, (int) Math.round(image.wiresPerPixel() * collectionPitchMm() / driftPerTickMm));
    }
}
