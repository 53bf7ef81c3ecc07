package org.larco.node.simulate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.larco.lartpc.data.ImageDataset;
import org.larco.node.eval.Baselines;
import org.larco.node.eval.ClassifierEvaluation;
import org.larco.node.learner.Dl4jLearner;
import org.larco.node.learner.LearnerConfig;
import org.larco.node.report.SimulationReport;
import org.larco.node.weights.Weights;

/**
 * Compares the shared model on the common test set with the reference models, each given the
 * shared model's training budget: R rounds of E epochs over one group's train set each.
 *
 * <p>A model trained alone gets R x E epochs over its own train set (as many gradient steps as the
 * shared model). The pooled model gets R x E / N epochs over the N pooled train sets, rounded up,
 * which is again about the same number of gradient steps.
 */
final class FinalComparison {

    private FinalComparison() {
    }

    static Map<String, ClassifierEvaluation> run(LearnerConfig config, Weights initial, Weights shared, SimulationData data,
            List<String> names, SimulationOptions options, Dl4jLearner referee) {
        ImageDataset commonTest = data.commonTest();
        int aloneEpochs = options.rounds() * options.epochsPerRound();
        int pooledEpochs = Math.max(1, (aloneEpochs + names.size() - 1) / names.size());
        Baselines baselines = new Baselines(config, initial);

        Map<String, ClassifierEvaluation> comparison = new LinkedHashMap<>();
        comparison.put(SimulationReport.SHARED, referee.evaluate(shared, commonTest));
        if (!options.compareBaselines()) {
            return comparison;
        }
        List<ImageDataset> trains = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            ImageDataset train = data.groups().get(i).train();
            trains.add(train);
            comparison.put("alone:" + names.get(i), baselines.alone(train, aloneEpochs, commonTest));
        }
        comparison.put("pooled", baselines.pooled(trains, pooledEpochs, commonTest));
        return comparison;
    }
}
