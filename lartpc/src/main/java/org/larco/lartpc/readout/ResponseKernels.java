package org.larco.lartpc.readout;

/**
 * Wire responses sampled per tick at sub-tick arrival phases. Collection wires see a unipolar
 * CR-RC^2 pulse (t/tau)^2 exp(-t/tau) with peaking time 2 tau = the shaping time and unit area;
 * induction wires see a bipolar pulse, the difference of two such pulses a peaking time apart,
 * whose sum over ticks is zero.
 */
public final class ResponseKernels {

    /** Sub-tick phases at which the kernels are sampled. */
    public static final int PHASES = 8;

    private final float[][] collection;
    private final float[][] induction;

    /**
     * @param shapingTimeUs  peaking time of the unipolar pulse
     * @param tickUs         sampling period
     * @param inductionGain  induction peak height relative to the collection peak
     */
    public ResponseKernels(double shapingTimeUs, double tickUs, double inductionGain) {
        double tauTicks = shapingTimeUs / tickUs / 2;
        int lobeShift = Math.max(1, (int) Math.round(2 * tauTicks));
        int length = (int) Math.ceil(14 * tauTicks) + lobeShift + 2;
        collection = new float[PHASES][length];
        induction = new float[PHASES][length];
        double collectionPeak = 0;
        double inductionPeak = 0;
        for (int phase = 0; phase < PHASES; phase++) {
            double fraction = (phase + 0.5) / PHASES;
            for (int k = 0; k < length; k++) {
                double t = k - fraction;
                double unipolar = pulse(t, tauTicks);
                double bipolar = unipolar - pulse(t - lobeShift, tauTicks);
                collection[phase][k] = (float) unipolar;
                induction[phase][k] = (float) bipolar;
                collectionPeak = Math.max(collectionPeak, unipolar);
                inductionPeak = Math.max(inductionPeak, bipolar);
            }
        }
        double inductionScale = inductionGain * collectionPeak / inductionPeak;
        for (float[] kernel : induction) {
            for (int k = 0; k < kernel.length; k++) {
                kernel[k] = (float) (kernel[k] * inductionScale);
            }
        }
    }

    /** Returns the unit-area CR-RC^2 pulse at time {@code t} ticks after the charge arrives. */
    private static double pulse(double t, double tau) {
        if (t <= 0) {
            return 0;
        }
        double s = t / tau;
        return s * s * StrictMath.exp(-s) / (2 * tau);
    }

    public int length() {
        return collection[0].length;
    }

    /** Returns the kernel for a charge arriving {@code phase}/PHASES of a tick after a tick boundary. */
    public float[] kernel(boolean collectionPlane, int phase) {
        return collectionPlane ? collection[phase] : induction[phase];
    }
}
