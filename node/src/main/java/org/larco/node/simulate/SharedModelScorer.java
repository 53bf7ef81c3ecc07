package org.larco.node.simulate;

import io.vertx.core.Future;
import java.nio.file.Path;
import java.util.Optional;
import org.larco.lartpc.data.ImageDataset;
import org.larco.node.learner.Dl4jLearner;
import org.larco.node.round.LearnerWorker;
import org.larco.node.store.BlobStore;
import org.larco.node.weights.Weights;

/**
 * Scores the shared head on the common held-out test set after each round. It reads blobs from
 * the learners' stores: the simulation's referee is not a member and fetches nothing.
 */
final class SharedModelScorer {

    private final Dl4jLearner referee;
    private final LearnerWorker worker;
    private final ImageDataset commonTest;
    private final Path nodesDir;

    SharedModelScorer(Dl4jLearner referee, LearnerWorker worker, ImageDataset commonTest, Path outDir) {
        this.referee = referee;
        this.worker = worker;
        this.commonTest = commonTest;
        this.nodesDir = outDir.resolve("nodes");
    }

    Future<Double> score(String headHex) {
        return worker.run(() -> scoreNow(headHex));
    }

    /** Scores on the calling thread; blocking. */
    double scoreNow(String headHex) {
        return referee.evaluate(findBlob(headHex), commonTest).accuracy();
    }

    /** Returns the weights of {@code headHex} from whichever learner's blob store contains them. */
    Weights load(String headHex) {
        return findBlob(headHex);
    }

    private Weights findBlob(String headHex) throws IllegalStateException {
        try (var dirs = java.nio.file.Files.list(nodesDir)) {
            for (Path dir : dirs.sorted().toList()) {
                Optional<byte[]> blob = BlobStore.open(dir.resolve("blobs")).get(headHex);
                if (blob.isPresent()) {
                    return Weights.fromBlob(blob.get());
                }
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot list the node stores in " + nodesDir + ": " + e.getMessage(), e);
        }
        throw new IllegalStateException("weights " + headHex + " are in no learner's blob store under " + nodesDir);
    }
}
