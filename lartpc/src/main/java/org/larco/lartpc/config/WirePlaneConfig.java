package org.larco.lartpc.config;

/**
 * One wire plane: its name, the wire angle from the vertical in degrees, the wire pitch in mm,
 * whether it collects charge (unipolar signal) or only sees it pass (bipolar induction signal),
 * the noise RMS in ADC counts per tick and the ADC pedestal.
 */
public record WirePlaneConfig(
        String name,
        double angleDeg,
        double wirePitchMm,
        boolean collection,
        double noiseAdcRms,
        double pedestalAdc) {
}
