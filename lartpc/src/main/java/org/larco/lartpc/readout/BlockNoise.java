package org.larco.lartpc.readout;

import java.util.SplittableRandom;

/**
 * Sums over consecutive blocks of ticks of a stationary first-order autoregressive noise series
 * (x[t] = rho x[t-1] + innovation), drawn block by block without the single ticks. Given the
 * value at the end of the previous block, the sum over the next block and the value at its end
 * are jointly normal. They are drawn from two normal variates with the Cholesky factor of their
 * covariance, so the block sums have exactly the variance and the block-to-block correlation of
 * summing the tick series. The variates have tails to 4.9 sigma (see
 * {@link FastGaussian#nextSmooth}), close to the normal tails of a sum over many ticks.
 */
final class BlockNoise {

    private final double rms;
    private final double sumFromStart;
    private final double endFromStart;
    private final double sumWidth;
    private final double endFromSum;
    private final double endWidth;

    /** Prepares block sums of {@code ticks} ticks of noise with RMS {@code rms} and tick-to-tick {@code correlation}. */
    BlockNoise(double rms, double correlation, int ticks) {
        this.rms = rms;
        double innovationVariance = rms * rms * (1 - correlation * correlation);
        double start = 0;
        double sumVariance = 0;
        double covariance = 0;
        double endVariance = 0;
        for (int s = 1; s <= ticks; s++) {
            double toSum = 0;
            double power = 1;
            for (int t = s; t <= ticks; t++) {
                toSum += power;
                power *= correlation;
            }
            double toEnd = StrictMath.pow(correlation, ticks - s);
            sumVariance += toSum * toSum * innovationVariance;
            covariance += toSum * toEnd * innovationVariance;
            endVariance += toEnd * toEnd * innovationVariance;
            start += StrictMath.pow(correlation, s);
        }
        this.sumFromStart = start;
        this.endFromStart = StrictMath.pow(correlation, ticks);
        this.sumWidth = Math.sqrt(sumVariance);
        this.endFromSum = sumWidth > 0 ? covariance / sumWidth : 0;
        this.endWidth = Math.sqrt(Math.max(0, endVariance - endFromSum * endFromSum));
    }

    /** Returns whether the noise is zero, in which case {@link #fill} draws nothing. */
    boolean silent() {
        return rms == 0;
    }

    /** Fills {@code sums} with consecutive block sums of one stationary series. */
    void fill(double[] sums, SplittableRandom random) {
        if (silent()) {
            java.util.Arrays.fill(sums, 0);
            return;
        }
        double value = rms * FastGaussian.nextSmooth(random);
        for (int b = 0; b < sums.length; b++) {
            double first = FastGaussian.nextSmooth(random);
            double second = FastGaussian.nextSmooth(random);
            sums[b] = sumFromStart * value + sumWidth * first;
            value = endFromStart * value + endFromSum * first + endWidth * second;
        }
    }
}
