package org.larco.node.learner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InputScalingTest {

    @Test
    void noiseBelowThresholdIsZero() {
        assertEquals(0f, InputScaling.scale(-20f));
        assertEquals(0f, InputScaling.scale(InputScaling.THRESHOLD_ADC));
        assertEquals(0f, InputScaling.scale(Float.NaN));
    }

    @Test
    void signalIsLogScaledIntoUnitRange() {
        float track = InputScaling.scale(30f);

        assertEquals(Math.log1p(30) / Math.log1p(1000), track, 1e-6);
        assertTrue(InputScaling.scale(300f) > track);
        assertEquals(1f, InputScaling.scale(1000f), 1e-6);
    }

    @Test
    void chargeAboveClipIsClipped() {
        assertEquals(1f, InputScaling.scale(50_000f), 1e-6);
    }
}
