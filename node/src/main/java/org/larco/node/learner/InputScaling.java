package org.larco.node.learner;

/**
 * The map from pedestal-subtracted ADC counts to network inputs: negative values (noise below the
 * pedestal) become 0, values above {@link #CLIP_ADC} are clipped, and the rest are compressed with
 * {@code log1p} and divided by {@code log1p(CLIP_ADC)}, so inputs lie in [0, 1]. The logarithm
 * keeps both minimum-ionising tracks (tens of ADC counts per tick) and dense shower cores or
 * Bragg peaks (hundreds) in a range the ReLU layers train on.
 */
public final class InputScaling {

    /** The name stored in the model spec, so a spec fixes how its inputs were scaled. */
    public static final String NAME = "log1p-adc-clip-1000";

    /** ADC counts above this are clipped before scaling. */
    public static final float CLIP_ADC = 1000f;

    private static final double LOG_CLIP = Math.log1p(CLIP_ADC);

    private InputScaling() {
    }

    /** Returns the network input for one pedestal-subtracted ADC value. */
    public static float scale(float adc) {
        if (!(adc > 0f)) {
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
