package org.larco.lartpc.sim;

/**
 * One simulated interaction before readout: label, true energy, vertex (cm, detector frame with
 * x along the drift), the vertex drift distance, the energy deposits and the event's initial
 * direction, which orients the image crop.
 *
 * @param initialDirection unit vector of the summed momenta of the primaries at the vertex (the
 *                         particle's direction for a single particle), or zeros when they cancel
 */
public record SimulatedEvent(
        int label,
        double energyMev,
        double[] vertexCm,
        double vertexDriftCm,
        DepositBuffer deposits,
        EventTruth truth,
        double[] initialDirection) {
}
