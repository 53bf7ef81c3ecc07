package org.larco.node.learner;

/**
 * The map from pedestal-subtracted ADC counts to network inputs. Values at or below
 * {@link #THRESHOLD_ADC} become 0, values above {@link #CLIP_ADC} are clipped, and the rest are
 * compressed with {@code log1p} and divided by {@code log1p(CLIP_ADC)}, so inputs lie in [0, 1].
 * The logarithm keeps both minimum-ionising tracks (tens of ADC counts per pixel) and dense
 * shower cores or Bragg peaks (hundreds) in a range the ReLU layers train on.
 */
public final class InputScaling {

    /** The name stored in the model spec, so a spec fixes how its inputs were scaled. */
    public static final String NAME = "log1p-adc-threshold-8-clip-1000";

    /**
     * Zero-suppression threshold in ADC counts. The generated presets have pixel noise of about
     * 0.8 to 1.4 ADC counts RMS, so 8 removes the noise and keeps track pixels. Trained on 1000
     * microboone events for five epochs, the default CNN reached test accuracy 0.375 without a
     * threshold, 0.440 with 4, 0.518 with 8 and 0.443 with 16 (node learner section of
     * BENCHMARKS.md).
     */
    public static final float THRESHOLD_ADC = 8f;

    /** ADC counts above this are clipped before scaling. */
    public static final float CLIP_ADC = 1000f;

    private static final double LOG_CLIP = Math.log1p(CLIP_ADC);

    private InputScaling() {
    }

    /** Returns the network input for one pedestal-subtracted ADC value. */
    public static float scale(float adc) {
        if (!(adc > THRESHOLD_ADC)) {
            return 0f;
        }
        float clipped = Math.min(adc, CLIP_ADC);
        return (float) (Math.log1p(clipped) / LOG_CLIP);
    }

    /** Scales {@code adc} into {@code out} starting at {@code offset}. */
    public static void scaleInto(float[] adc, float[] out, int offset) {
        for (int i = 0; i < adc.length; i++) {
            out[offset + i] = scale(adc[i]);
        }
    }
}
