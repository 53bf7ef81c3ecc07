package org.larco.lartpc.config;

/**
 * Liquid argon and drift properties.
 *
 * @param driftFieldKvPerCm          drift field; enters the modified-Box recombination
 * @param driftVelocityMmPerUs       electron drift velocity at that field
 * @param electronLifetimeMs         free-electron lifetime (argon purity)
 * @param maxDriftCm                 the vertex drift distance is drawn uniformly in [0, maxDriftCm]
 * @param longitudinalDiffusionCm2PerS diffusion constant along the drift
 * @param transverseDiffusionCm2PerS diffusion constant across the drift
 * @param recombinationAlpha         modified-Box alpha
 * @param recombinationBeta          modified-Box beta in (kV/cm)(g/cm2)/MeV
 */
public record ArgonConfig(
        double driftFieldKvPerCm,
        double driftVelocityMmPerUs,
        double electronLifetimeMs,
        double maxDriftCm,
        double longitudinalDiffusionCm2PerS,
        double transverseDiffusionCm2PerS,
        double recombinationAlpha,
        double recombinationBeta) {
}
