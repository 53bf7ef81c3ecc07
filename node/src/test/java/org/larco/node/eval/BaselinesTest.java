package org.larco.node.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.larco.lartpc.data.ImageDataset;
import org.larco.node.learner.LearnerConfig;
import org.larco.node.learner.ToyImages;
import org.larco.node.weights.Weights;

class BaselinesTest {

    private static final LearnerConfig CONFIG = new LearnerConfig(1, 16, 0.01, 3, 0);
    private static final ImageDataset TEST = ToyImages.dataset(100, 99);
    private final Baselines baselines = new Baselines(CONFIG, Weights.initial(ToyImages.spec(), 3));

    @Test
    void aloneAndPooledBeatChance() {
        Map<String, ImageDataset> trains = new LinkedHashMap<>();
        trains.put("alice", ToyImages.dataset(100, 1));
        trains.put("bob", ToyImages.dataset(100, 2));

        Map<String, ClassifierEvaluation> evaluations = baselines.aloneAndPooled(trains, 2, TEST);

        assertEquals(List.of("alone:alice", "alone:bob", "pooled"), List.copyOf(evaluations.keySet()));
        for (Map.Entry<String, ClassifierEvaluation> entry : evaluations.entrySet()) {
            assertTrue(entry.getValue().accuracy() > 0.4, entry.getKey() + " " + entry.getValue());
            assertEquals(TEST.size(), entry.getValue().total());
        }
    }

    @Test
    void batchCapLimitsTraining() {
        Baselines capped = new Baselines(CONFIG.withMaxTrainBatchesPerRound(1), Weights.initial(ToyImages.spec(), 3));
        ImageDataset train = ToyImages.dataset(100, 1);

        double oneStep = capped.alone(train, 2, TEST).accuracy();
        double uncapped = baselines.alone(train, 2, TEST).accuracy();

        assertTrue(oneStep < uncapped, "one step " + oneStep + ", uncapped " + uncapped);
    }

    @Test
    void zeroEpochsIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> baselines.alone(ToyImages.dataset(10, 1), 0, TEST));
        assertTrue(e.getMessage().contains("epochs is 0"), e.getMessage());
    }
}
