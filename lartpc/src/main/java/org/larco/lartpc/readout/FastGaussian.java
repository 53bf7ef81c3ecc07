package org.larco.lartpc.readout;

import java.util.SplittableRandom;

/**
 * Approximately normal variates for electronics noise: the Irwin-Hall sum of four 16-bit uniforms
 * from one 64-bit draw, scaled to unit variance. Tails end at 3.46 sigma, which noise tolerates
 * and which is several times cheaper than an exact sampler.
 */
final class FastGaussian {

    /** Four uniforms on 0..65535 have mean 4 * 32767.5 and standard deviation 65536 / sqrt(3). */
    private static final double MEAN_OF_SUM = 4 * 32767.5;
    private static final double SCALE = Math.sqrt(3.0) / 65536.0;
    private static final double INVERSE_SQRT2 = Math.sqrt(0.5);

    private FastGaussian() {
    }

    static double next(SplittableRandom random) {
        long bits = random.nextLong();
        long sum = (bits & 0xFFFF) + ((bits >>> 16) & 0xFFFF) + ((bits >>> 32) & 0xFFFF) + (bits >>> 48);
        return (sum - MEAN_OF_SUM) * SCALE;
    }

    /**
     * Returns the sum of two {@link #next} variates divided by sqrt(2): eight uniforms, with tails
     * to 4.9 sigma. Use it where one variate stands for a sum of many ticks, so that a 3-sigma
     * threshold counts about as many values as with normal tails (the four-uniform sum has too
     * few of them).
     */
    static double nextSmooth(SplittableRandom random) {
        return (next(random) + next(random)) * INVERSE_SQRT2;
    }
}
