package org.larco.lartpc.sim;

/** Particles the simulation tracks, with PDG masses in MeV. */
public enum ParticleType {
    ELECTRON(0.51099895, -1),
    POSITRON(0.51099895, 1),
    GAMMA(0.0, 0),
    MUON_MINUS(105.6583755, -1),
    MUON_PLUS(105.6583755, 1),
    PION_PLUS(139.57039, 1),
    PION_MINUS(139.57039, -1),
    PROTON(938.27208816, 1);

    private final double massMev;
    private final int charge;

    ParticleType(double massMev, int charge) {
        this.massMev = massMev;
        this.charge = charge;
    }

    public double massMev() {
        return massMev;
    }

    public int charge() {
        return charge;
    }

    /** Returns true for electrons, positrons and photons, which the shower code tracks. */
    public boolean electromagnetic() {
        return this == ELECTRON || this == POSITRON || this == GAMMA;
    }
}
