package org.larco.node.learner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.larco.lartpc.data.LearnerSplits;
import org.larco.node.eval.ClassifierEvaluation;
import org.larco.node.weights.Weights;

class Dl4jLearnerTest {

    private static final LearnerConfig CONFIG = new LearnerConfig(2, 16, 0.01, 5, 0);
    private static final LearnerSplits SPLITS = ToyImages.splits(200, 100, 100, 11);
    private static final double CHANCE = 1.0 / ToyImages.CLASSES.size();

    private static Dl4jLearner trained;
    private static Weights initial;

    @BeforeAll
    static void trainOneRound() {
        initial = Weights.initial(ToyImages.spec(), CONFIG.seed());
        trained = new Dl4jLearner("alice", CONFIG, initial, SPLITS);
        trained.acceptWeights(trained.proposeWeights());
    }

    @Test
    void trainingOnSeparableSetBeatsChance() {
        ClassifierEvaluation evaluation = trained.evaluateOnTest(trained.currentWeights());

        assertTrue(evaluation.accuracy() > 2 * CHANCE, "test accuracy " + evaluation.accuracy());
    }

    @Test
    void initialWeightsScoreNearChance() {
        ClassifierEvaluation evaluation = trained.evaluateOnTest(initial);

        assertTrue(evaluation.accuracy() < 0.5, "test accuracy " + evaluation.accuracy());
    }

    @Test
    void proposeWeightsLeavesCurrentUnchanged() {
        Weights before = trained.currentWeights();

        Weights proposed = trained.proposeWeights();

        assertSame(before, trained.currentWeights());
        assertNotEquals(before.sha256Hex(), proposed.sha256Hex());
    }

    @Test
    void sameConfigAndDataProposeSameWeights() {
        Dl4jLearner first = new Dl4jLearner("bob", CONFIG, initial, SPLITS);
        Dl4jLearner second = new Dl4jLearner("carol", CONFIG, initial, SPLITS);

        assertEquals(first.proposeWeights().sha256Hex(), second.proposeWeights().sha256Hex());
    }

    @Test
    void garbageWeightsAreRejected() {
        TestResult result = trained.testWeights(Weights.random(trained.spec(), 3));

        assertFalse(result.approve());
        assertTrue(result.voteScore() < 0.45, "vote score " + result.voteScore());
        assertTrue(result.testScore() < 0.45, "test score " + result.testScore());
    }

    @Test
    void currentWeightsAreApproved() {
        TestResult result = trained.testWeights(trained.currentWeights());

        assertTrue(result.approve());
    }

    @Test
    void improvedWeightsAreApprovedByFreshLearner() {
        Dl4jLearner fresh = new Dl4jLearner("dave", CONFIG, initial, ToyImages.splits(10, 100, 50, 23));

        TestResult result = fresh.testWeights(trained.currentWeights());

        assertTrue(result.approve(), "vote score " + result.voteScore());
    }

    @Test
    void acceptWeightsMakesThemCurrent() {
        Dl4jLearner learner = new Dl4jLearner("erin", CONFIG, initial, SPLITS);
        Weights garbage = Weights.random(learner.spec(), 4);

        learner.acceptWeights(garbage);

        assertSame(garbage, learner.currentWeights());
    }

    @Test
    void weightsOfOtherSpecAreRejected() {
        ModelSpec other = new ModelSpec(3, 16, 16, 5, List.of(new LayerSpec.Dense(4)));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> trained.testWeights(Weights.initial(other, 1)));
        assertTrue(e.getMessage().contains("model spec is " + other.sha256Hex()), e.getMessage());
    }

    @Test
    void splitOfOtherImageSizeIsRejected() {
        ModelSpec bigger = ModelSpec.defaultFor(3, 32, 32, 5);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Dl4jLearner(CONFIG, bigger, SPLITS));
        assertTrue(e.getMessage().contains("3x16x16"), e.getMessage());
    }

    @Test
    void predictProbabilitiesSumToOne() {
        float[][] probabilities = trained.predictProbabilities(trained.currentWeights(), SPLITS.test());

        assertEquals(SPLITS.test().size(), probabilities.length);
        for (float[] row : probabilities) {
            double sum = 0;
            for (float p : row) {
                sum += p;
            }
            assertEquals(1.0, sum, 1e-4);
        }
    }
}
