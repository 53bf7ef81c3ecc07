package org.larco.lartpc.config;

import java.util.List;

/**
 * Wire readout: three planes, the sampling tick, the electronics gain and shaping, and the ADC.
 *
 * @param planes                the induction planes first, the collection plane last
 * @param tickUs                sampling period (0.5 us at 2 MHz)
 * @param electronsPerAdc       electrons that make one ADC count of integrated signal
 * @param shapingTimeUs         peaking time of the unipolar response
 * @param inductionGain         induction peak height relative to a collection peak of the same charge
 * @param noiseCorrelation      tick-to-tick correlation of the noise (0 is white noise)
 * @param coherentNoiseAdcRms   RMS of a noise waveform shared by each group of
 *                              {@code coherentNoiseWires} neighbouring wires, in ADC counts
 * @param coherentNoiseWires    wires per coherent-noise group
 * @param adcBits               ADC resolution; samples are clamped to [0, 2^bits - 1]
 */
public record ReadoutConfig(
        List<WirePlaneConfig> planes,
        double tickUs,
        double electronsPerAdc,
        double shapingTimeUs,
        double inductionGain,
        double noiseCorrelation,
        double coherentNoiseAdcRms,
        int coherentNoiseWires,
        int adcBits) {

    public ReadoutConfig {
        planes = planes == null ? null : List.copyOf(planes);
    }
}
