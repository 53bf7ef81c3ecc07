package org.larco.lartpc.config;

/**
 * One wire plane: its name, the wire angle from the vertical in degrees, the wire pitch in mm,
 * whether it collects the charge (unipolar signal) or the charge drifts past it (bipolar
 * induction signal), the noise RMS in ADC counts per tick and the ADC pedestal.
 */
public record WirePlaneConfig(
        String name,
        double angleDeg,
        double wirePitchMm,
        boolean collection,
        double noiseAdcRms,
        double pedestalAdc) {
}
