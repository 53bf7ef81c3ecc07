package org.larco.lartpc.sim;

/**
 * Generator truth of one event beyond the label: what the checks and the metadata need.
 */
public final class EventTruth {

    /** End of the first primary's track. */
    public enum TrackEnd { STOPPED, INTERACTED, DECAYED, ESCAPED, CONVERTED, NONE }

    double primaryPathLengthCm;
    TrackEnd primaryEnd = TrackEnd.NONE;
    double firstPhotonInteractionCm = Double.NaN;
    boolean michelElectron;

    /** Returns the path length of the first primary from the vertex to where it stopped, interacted or left. */
    public double primaryPathLengthCm() {
        return primaryPathLengthCm;
    }

    public TrackEnd primaryEnd() {
        return primaryEnd;
    }

    /** Returns the distance from the vertex at which a primary photon first interacted, or NaN. */
    public double firstPhotonInteractionCm() {
        return firstPhotonInteractionCm;
    }

    /** Returns whether a Michel electron was made from a stopped muon. */
    public boolean michelElectron() {
        return michelElectron;
    }
}
