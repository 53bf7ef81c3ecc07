package org.larco.lartpc.sim;

/**
 * Liquid argon constants and the Bethe-Bloch mean energy loss with the Sternheimer density effect.
 *
 * <p>Sources: PDG Review of Particle Physics (Bethe formula, K, Highland formula), LArSoft
 * detector properties (I = 188 eV and the Sternheimer parameters of liquid argon).
 */
public final class LiquidArgon {

    public static final double DENSITY_G_PER_CM3 = 1.396;
    public static final double RADIATION_LENGTH_CM = 14.0;
    /** Mean energy to make one electron-ion pair, in MeV. */
    public static final double W_ION_MEV = 23.6e-6;
    public static final double ELECTRON_MASS_MEV = 0.51099895;

    private static final double K_MEV_CM2_PER_MOL = 0.307075;
    private static final double Z_OVER_A = 18.0 / 39.948;
    private static final double MEAN_EXCITATION_MEV = 188e-6;
    private static final double STERNHEIMER_CBAR = 5.2146;
    private static final double STERNHEIMER_X0 = 0.2;
    private static final double STERNHEIMER_X1 = 3.0;
    private static final double STERNHEIMER_A = 0.19559;
    private static final double STERNHEIMER_K = 3.0;

    /** K/2 (Z/A) rho: the Landau width per cm at beta = 1, in MeV/cm. */
    public static final double LANDAU_XI_PER_CM = 0.5 * K_MEV_CM2_PER_MOL * Z_OVER_A * DENSITY_G_PER_CM3;

    private LiquidArgon() {
    }

    /**
     * Returns the mean energy loss in MeV/cm of a singly charged heavy particle (muon, pion, proton).
     * Below beta*gamma = 0.05 the formula fails, so the value there is held at that point's value.
     */
    public static double betheBlochMevPerCm(double massMev, double kineticMev) {
        double gamma = 1 + kineticMev / massMev;
        double betaGamma = Math.sqrt(gamma * gamma - 1);
        if (betaGamma < 0.05) {
            betaGamma = 0.05;
            gamma = Math.sqrt(1 + betaGamma * betaGamma);
        }
        double beta2 = betaGamma * betaGamma / (gamma * gamma);
        double massRatio = ELECTRON_MASS_MEV / massMev;
        double tMax = 2 * ELECTRON_MASS_MEV * betaGamma * betaGamma
                / (1 + 2 * gamma * massRatio + massRatio * massRatio);
        double logTerm = 0.5 * StrictMath.log(2 * ELECTRON_MASS_MEV * betaGamma * betaGamma * tMax
                / (MEAN_EXCITATION_MEV * MEAN_EXCITATION_MEV));
        double bracket = logTerm - beta2 - densityEffect(betaGamma) / 2;
        return K_MEV_CM2_PER_MOL * Z_OVER_A * DENSITY_G_PER_CM3 / beta2 * bracket;
    }

    /** Returns the largest kinetic energy in MeV a heavy particle can give to one electron. */
    public static double maxDeltaRayMev(double massMev, double kineticMev) {
        double gamma = 1 + kineticMev / massMev;
        double betaGamma2 = gamma * gamma - 1;
        double massRatio = ELECTRON_MASS_MEV / massMev;
        return 2 * ELECTRON_MASS_MEV * betaGamma2 / (1 + 2 * gamma * massRatio + massRatio * massRatio);
    }

    /**
     * Returns the collision energy loss of an electron or positron in MeV/cm: a 2.1 MeV/cm
     * minimum-ionising trunk with a slow logarithmic rise, and the steep rise below 1 MeV (an
     * estimate shaped after ESTAR tables, not a fit).
     */
    public static double electronCollisionMevPerCm(double kineticMev) {
        if (kineticMev >= 1.0) {
            return 2.1 * (1 + 0.03 * StrictMath.log(kineticMev));
        }
        return 2.1 * StrictMath.pow(Math.max(kineticMev, 0.01), -0.45);
    }

    /**
     * Returns the fraction of ionisation electrons that escape recombination (modified Box model):
     * R = ln(alpha + xi) / xi with xi = beta (dE/dx) / (rho E).
     */
    public static double recombinationSurvival(double dEdxMevPerCm, double fieldKvPerCm, double alpha, double beta) {
        double xi = beta * dEdxMevPerCm / (DENSITY_G_PER_CM3 * fieldKvPerCm);
        if (xi < 1e-6) {
            return 1.0;
        }
        return StrictMath.log(alpha + xi) / xi;
    }

    /** Returns the Highland multiple-scattering angle (radians) for a step of {@code stepCm}. */
    public static double highlandThetaRad(double momentumMev, double beta2, double stepCm) {
        double beta = Math.sqrt(beta2);
        double t = stepCm / RADIATION_LENGTH_CM;
        double logCorrection = 1 + 0.038 * StrictMath.log(t / beta2);
        return 13.6 / (beta * momentumMev) * Math.sqrt(t) * Math.max(logCorrection, 0.3);
    }

    private static double densityEffect(double betaGamma) {
        double x = StrictMath.log10(betaGamma);
        double ln10 = StrictMath.log(10);
        if (x >= STERNHEIMER_X1) {
            return 2 * ln10 * x - STERNHEIMER_CBAR;
        }
        if (x >= STERNHEIMER_X0) {
            return 2 * ln10 * x - STERNHEIMER_CBAR + STERNHEIMER_A * StrictMath.pow(STERNHEIMER_X1 - x, STERNHEIMER_K);
        }
        return 0.0;
    }
}
