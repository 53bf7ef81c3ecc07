package org.larco.lartpc.config;

/**
 * Stepping and process knobs of the particle simulation.
 *
 * @param trackStepCm              maximum step of hadron and muon tracks
 * @param showerStepCm             maximum step of electrons and positrons in showers
 * @param deltaRayThresholdMev     knock-on electrons above this kinetic energy are tracked
 * @param muonDecayFraction        stopped mu- that decay to a Michel electron (the rest are captured)
 * @param pionInteractionLengthCm  mean path before a charged pion interacts with a nucleus
 * @param protonInteractionLengthCm mean path before a proton interacts with a nucleus
 * @param photonConversionLengthCm mean path before a photon above 10 MeV converts (9/7 X0)
 */
public record PhysicsConfig(
        double trackStepCm,
        double showerStepCm,
        double deltaRayThresholdMev,
        double muonDecayFraction,
        double pionInteractionLengthCm,
        double protonInteractionLengthCm,
        double photonConversionLengthCm) {
}
