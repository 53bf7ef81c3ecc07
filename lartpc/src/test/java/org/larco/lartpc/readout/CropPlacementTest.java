package org.larco.lartpc.readout;

import org.junit.jupiter.api.Test;
import org.larco.lartpc.config.DetectorConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Vertex placement in the crop for directions along the detector axes (microboone: U +60, V -60, Y 0 degrees). */
class CropPlacementTest {

    private static final DetectorConfig MICROBOONE = DetectorConfig.preset("microboone");
    private static final int Y = 2;
    private static final int U = 0;

    @Test
    void beamDirectionPutsVertexAtConfiguredWireFraction() {
        CropPlacement placement = CropPlacement.of(MICROBOONE, new double[] {0, 0, 1});

        assertEquals(0.25, placement.wireFraction(Y), 1e-9);
        assertEquals(0.25, placement.wireFraction(U), 1e-9);
        assertEquals(0.5, placement.timeFraction(), 1e-9);
    }

    @Test
    void backwardDirectionPutsVertexAtFarWireEdge() {
        CropPlacement placement = CropPlacement.of(MICROBOONE, new double[] {0, 0, -1});

        assertEquals(0.75, placement.wireFraction(Y), 1e-9);
    }

    @Test
    void driftDirectionPutsVertexAtConfiguredTimeFraction() {
        CropPlacement placement = CropPlacement.of(MICROBOONE, new double[] {1, 0, 0});

        assertEquals(0.25, placement.timeFraction(), 1e-9);
        assertEquals(0.5, placement.wireFraction(Y), 1e-9);
    }

    @Test
    void directionAlongWiresFallsBackToCentre() {
        CropPlacement placement = CropPlacement.of(MICROBOONE, new double[] {0, 1, 0});

        assertEquals(0.5, placement.wireFraction(Y), 1e-9);
        assertEquals(0.75, placement.wireFraction(U), 1e-9);
    }

    @Test
    void nearlyAlongWiresGetsPartOfTheOffset() {
        double across = 0.5 * CropPlacement.FULL_OFFSET_PROJECTION;
        CropPlacement placement = CropPlacement.of(MICROBOONE, new double[] {0, Math.sqrt(1 - across * across), across});

        assertEquals(0.375, placement.wireFraction(Y), 1e-9);
    }

    @Test
    void zeroDirectionCentresVertex() {
        CropPlacement placement = CropPlacement.of(MICROBOONE, new double[] {0, 0, 0});

        assertEquals(0.5, placement.wireFraction(Y), 1e-9);
        assertEquals(0.5, placement.timeFraction(), 1e-9);
    }
}
