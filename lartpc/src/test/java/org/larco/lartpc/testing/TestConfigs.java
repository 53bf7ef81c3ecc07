package org.larco.lartpc.testing;

import org.larco.lartpc.config.DetectorConfig;
import org.larco.lartpc.config.ImageConfig;
import org.larco.lartpc.config.PhysicsConfig;
import org.larco.lartpc.config.ReadoutConfig;
import org.larco.lartpc.config.WirePlaneConfig;

import java.util.List;

/** Variants of the presets for checks that must switch one process off. */
public final class TestConfigs {

    private TestConfigs() {
    }

    /** Returns the preset with hadronic interactions switched off (interaction lengths of 10 km). */
    public static DetectorConfig withoutHadronicInteractions(DetectorConfig config) {
        PhysicsConfig p = config.physics();
        PhysicsConfig physics = new PhysicsConfig(p.trackStepCm(), p.showerStepCm(), p.deltaRayThresholdMev(),
                p.muonDecayFraction(), 1e6, 1e6, p.photonConversionLengthCm());
        return new DetectorConfig(config.name(), config.argon(), config.readout(), config.image(), physics,
                config.momentumMevC(), config.neutrinoEnergyMev(), config.classPriors());
    }

    /** Returns the preset with electronics noise, per wire and coherent, switched off on every plane. */
    public static DetectorConfig withoutNoise(DetectorConfig config) {
        ReadoutConfig r = config.readout();
        List<WirePlaneConfig> planes = r.planes().stream()
                .map(p -> new WirePlaneConfig(p.name(), p.angleDeg(), p.wirePitchMm(), p.collection(), 0.0, p.pedestalAdc()))
                .toList();
        ReadoutConfig readout = new ReadoutConfig(planes, r.tickUs(), r.electronsPerAdc(), r.shapingTimeUs(),
                r.inductionGain(), r.noiseCorrelation(), 0.0, r.coherentNoiseWires(), r.adcBits());
        return new DetectorConfig(config.name(), config.argon(), readout, config.image(), config.physics(),
                config.momentumMevC(), config.neutrinoEnergyMev(), config.classPriors());
    }

    /** Returns the preset with another pixel width in wires and vertex position, time pixels matched. */
    public static DetectorConfig withCrop(DetectorConfig config, int wiresPerPixel, double vertexPosition) {
        ImageConfig i = config.image();
        ImageConfig image = new ImageConfig(i.wires(), i.timePixels(), 0, wiresPerPixel, vertexPosition);
        return new DetectorConfig(config.name(), config.argon(), config.readout(), image, config.physics(),
                config.momentumMevC(), config.neutrinoEnergyMev(), config.classPriors());
    }

    /** Returns the preset generating only the single-particle class {@code className}. */
    public static DetectorConfig onlyClass(DetectorConfig config, String className) {
        return new DetectorConfig(config.name(), config.argon(), config.readout(), config.image(), config.physics(),
                config.momentumMevC(), config.neutrinoEnergyMev(), java.util.Map.of(className, 1.0));
    }
}
