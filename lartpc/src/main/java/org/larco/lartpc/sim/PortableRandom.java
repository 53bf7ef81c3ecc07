package org.larco.lartpc.sim;

import java.util.SplittableRandom;

/**
 * Normal variates computed with {@link StrictMath} only (Marsaglia's polar method), so that a
 * seed gives the same numbers on every JVM and processor. {@code SplittableRandom.nextGaussian}
 * and {@link Math} may use platform-specific code and differ in the last bits.
 */
public final class PortableRandom {

    private PortableRandom() {
    }

    /** Returns a standard normal variate drawn from {@code random}. */
    public static double gaussian(SplittableRandom random) {
        double u;
        double v;
        double s;
        do {
            u = 2 * random.nextDouble() - 1;
            v = 2 * random.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * StrictMath.sqrt(-2 * StrictMath.log(s) / s);
    }
}
