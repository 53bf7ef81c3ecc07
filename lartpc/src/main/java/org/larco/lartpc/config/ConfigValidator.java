package org.larco.lartpc.config;

import org.larco.lartpc.data.Task;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Checks a parsed configuration and names the first invalid key with its value and the fix. */
final class ConfigValidator {

    private ConfigValidator() {
    }

    static void validate(DetectorConfig config, String origin) {
        require(config.name() != null && !config.name().isBlank(), origin, "name", config.name(), "a non-empty name");
        requirePresent(config.argon(), origin, "argon");
        requirePresent(config.readout(), origin, "readout");
        requirePresent(config.image(), origin, "image");
        requirePresent(config.physics(), origin, "physics");
        validateArgon(config.argon(), origin);
        validateReadout(config.readout(), origin);
        validateImage(config.image(), origin);
        validatePhysics(config.physics(), origin);
        validateSpectra(config, origin);
        validatePriors(config.classPriors(), origin);
    }

    private static void validateArgon(ArgonConfig argon, String origin) {
        positive(argon.driftFieldKvPerCm(), origin, "argon.driftFieldKvPerCm");
        positive(argon.driftVelocityMmPerUs(), origin, "argon.driftVelocityMmPerUs");
        positive(argon.electronLifetimeMs(), origin, "argon.electronLifetimeMs");
        nonNegative(argon.maxDriftCm(), origin, "argon.maxDriftCm");
        nonNegative(argon.longitudinalDiffusionCm2PerS(), origin, "argon.longitudinalDiffusionCm2PerS");
        nonNegative(argon.transverseDiffusionCm2PerS(), origin, "argon.transverseDiffusionCm2PerS");
        positive(argon.recombinationAlpha(), origin, "argon.recombinationAlpha");
        positive(argon.recombinationBeta(), origin, "argon.recombinationBeta");
    }

    private static void validateReadout(ReadoutConfig readout, String origin) {
        List<WirePlaneConfig> planes = readout.planes();
        require(planes != null && planes.size() == 3, origin, "readout.planes",
                planes == null ? null : planes.size() + " planes", "exactly three planes (U, V induction, then Y collection)");
        for (int i = 0; i < planes.size(); i++) {
            WirePlaneConfig plane = planes.get(i);
            String key = "readout.planes[" + i + "]";
            requirePresent(plane, origin, key);
            positive(plane.wirePitchMm(), origin, key + ".wirePitchMm");
            nonNegative(plane.noiseAdcRms(), origin, key + ".noiseAdcRms");
            nonNegative(plane.pedestalAdc(), origin, key + ".pedestalAdc");
            require(Math.abs(plane.angleDeg()) <= 90, origin, key + ".angleDeg", plane.angleDeg(), "an angle in [-90, 90] degrees");
            boolean collectionExpected = i == planes.size() - 1;
            require(plane.collection() == collectionExpected, origin, key + ".collection", plane.collection(),
                    collectionExpected ? "true for the last (collection) plane" : "false for the induction planes");
        }
        positive(readout.tickUs(), origin, "readout.tickUs");
        positive(readout.electronsPerAdc(), origin, "readout.electronsPerAdc");
        positive(readout.shapingTimeUs(), origin, "readout.shapingTimeUs");
        nonNegative(readout.inductionGain(), origin, "readout.inductionGain");
        require(readout.noiseCorrelation() >= 0 && readout.noiseCorrelation() < 1, origin,
                "readout.noiseCorrelation", readout.noiseCorrelation(), "a value in [0, 1)");
        nonNegative(readout.coherentNoiseAdcRms(), origin, "readout.coherentNoiseAdcRms");
        require(readout.coherentNoiseWires() >= 1, origin, "readout.coherentNoiseWires", readout.coherentNoiseWires(),
                "1 or more wires per group");
        require(readout.adcBits() >= 8 && readout.adcBits() <= 16, origin, "readout.adcBits", readout.adcBits(),
                "8 to 16 bits");
    }

    private static void validateImage(ImageConfig image, String origin) {
        require(image.wires() >= 8 && image.wires() <= 1024, origin, "image.wires", image.wires(), "8 to 1024");
        require(image.timePixels() >= 8 && image.timePixels() <= 1024, origin, "image.timePixels",
                image.timePixels(), "8 to 1024");
        require(image.ticksPerPixel() >= 0 && image.ticksPerPixel() <= 64, origin, "image.ticksPerPixel",
                image.ticksPerPixel(), "0 (automatic) to 64");
        require(image.wiresPerPixel() >= 1 && image.wiresPerPixel() <= 8, origin, "image.wiresPerPixel",
                image.wiresPerPixel(), "1 to 8 wires per pixel");
        require(image.vertexPosition() >= 0 && image.vertexPosition() <= 0.5, origin, "image.vertexPosition",
                image.vertexPosition(), "a fraction in [0, 0.5]: 0.5 centres the vertex, 0.25 leaves three quarters"
                        + " of the crop ahead of it");
    }

    private static void validatePhysics(PhysicsConfig physics, String origin) {
        require(physics.trackStepCm() > 0 && physics.trackStepCm() <= 2, origin, "physics.trackStepCm",
                physics.trackStepCm(), "a step in (0, 2] cm");
        require(physics.showerStepCm() > 0 && physics.showerStepCm() <= 2, origin, "physics.showerStepCm",
                physics.showerStepCm(), "a step in (0, 2] cm");
        positive(physics.deltaRayThresholdMev(), origin, "physics.deltaRayThresholdMev");
        require(physics.muonDecayFraction() >= 0 && physics.muonDecayFraction() <= 1, origin,
                "physics.muonDecayFraction", physics.muonDecayFraction(), "a fraction in [0, 1]");
        positive(physics.pionInteractionLengthCm(), origin, "physics.pionInteractionLengthCm");
        positive(physics.protonInteractionLengthCm(), origin, "physics.protonInteractionLengthCm");
        positive(physics.photonConversionLengthCm(), origin, "physics.photonConversionLengthCm");
    }

    private static void validateSpectra(DetectorConfig config, String origin) {
        for (String particle : Task.SINGLE_PARTICLE.classNames()) {
            EnergyRange range = config.momentumMevC().get(particle);
            validateRange(range, origin, "momentumMevC." + particle);
        }
        validateRange(config.neutrinoEnergyMev(), origin, "neutrinoEnergyMev");
    }

    private static void validateRange(EnergyRange range, String origin, String key) {
        requirePresent(range, origin, key);
        require(range.min() > 0 && range.max() >= range.min() && range.max() <= 100_000, origin, key,
                "[" + range.min() + ", " + range.max() + "]", "0 < min <= max <= 100000 MeV");
    }

    private static void validatePriors(Map<String, Double> priors, String origin) {
        List<String> known = new ArrayList<>(Task.SINGLE_PARTICLE.classNames());
        known.addAll(Task.NEUTRINO.classNames());
        for (Map.Entry<String, Double> prior : priors.entrySet()) {
            require(known.contains(prior.getKey()), origin, "classPriors." + prior.getKey(), prior.getValue(),
                    "a class name out of " + known);
            require(prior.getValue() != null && prior.getValue() >= 0 && Double.isFinite(prior.getValue()), origin,
                    "classPriors." + prior.getKey(), prior.getValue(), "a finite weight >= 0");
        }
    }

    private static void positive(double value, String origin, String key) {
        require(value > 0 && Double.isFinite(value), origin, key, value, "a finite value > 0");
    }

    private static void nonNegative(double value, String origin, String key) {
        require(value >= 0 && Double.isFinite(value), origin, key, value, "a finite value >= 0");
    }

    private static void requirePresent(Object value, String origin, String key) {
        require(value != null, origin, key, null, "the key to be present");
    }

    private static void require(boolean condition, String origin, String key, Object value, String expected) {
        if (!condition) {
            throw new IllegalArgumentException("invalid " + origin + ": " + key + " = " + value
                    + ", expected " + expected);
        }
    }
}
