package org.larco.lartpc.data;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LearnerSplitsTest {

    @Test
    void splitSizesFollowFractions() {
        LearnerSplits splits = LearnerSplits.split(ImageDatasetTest.tiny(100, "a"), 0.6, 0.2);

        assertEquals(60, splits.train().size());
        assertEquals(20, splits.vote().size());
        assertEquals(20, splits.test().size());
    }

    @Test
    void splitCoversEveryEventOnce() {
        LearnerSplits splits = LearnerSplits.split(ImageDatasetTest.tiny(50, "a"), 0.5, 0.3);
        Set<Long> ids = new HashSet<>();
        for (ImageDataset part : new ImageDataset[] {splits.train(), splits.vote(), splits.test()}) {
            for (int i = 0; i < part.size(); i++) {
                ids.add(part.eventId(i));
            }
        }

        assertEquals(50, ids.size());
    }

    @Test
    void splitIsDeterministic() {
        ImageDataset data = ImageDatasetTest.tiny(40, "a");

        assertEquals(LearnerSplits.split(data, 0.5, 0.25).vote().eventId(3),
                LearnerSplits.split(data, 0.5, 0.25).vote().eventId(3));
    }

    @Test
    void fractionsAboveOneAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> LearnerSplits.split(ImageDatasetTest.tiny(10, "a"), 0.8, 0.3));
    }
}
