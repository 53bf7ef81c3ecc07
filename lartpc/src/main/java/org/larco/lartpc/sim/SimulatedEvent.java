package org.larco.lartpc.sim;

/**
 * One simulated interaction before readout: label, true energy, vertex (cm, detector frame with
 * x along the drift), the vertex drift distance and the energy deposits.
 */
public record SimulatedEvent(
        int label,
        double energyMev,
        double[] vertexCm,
        double vertexDriftCm,
        DepositBuffer deposits,
        EventTruth truth) {
}
