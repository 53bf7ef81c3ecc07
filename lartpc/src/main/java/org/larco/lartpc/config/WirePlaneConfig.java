package org.larco.lartpc.config;

/**
 * One wire plane: its name, the wire angle from the vertical in degrees and the wire pitch in mm.
 * A collection plane collects the charge (unipolar signal), while the charge drifts past an
 * induction plane (bipolar signal). The noise RMS is in ADC counts per tick.
 */
public record WirePlaneConfig(
        String name,
        double angleDeg,
        double wirePitchMm,
        boolean collection,
        double noiseAdcRms,
        double pedestalAdc) {
}
