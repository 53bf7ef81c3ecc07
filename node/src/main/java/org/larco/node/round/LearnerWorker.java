package org.larco.node.round;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.concurrent.Callable;

/**
 * Runs a learner's blocking calls (training, scoring) one at a time on a dedicated worker thread,
 * never on an event loop. One thread per learner, because a DL4J network is not thread-safe.
 */
public final class LearnerWorker implements AutoCloseable {

    private final WorkerExecutor executor;

    public LearnerWorker(Vertx vertx, String learnerName) {
        this.executor = vertx.createSharedWorkerExecutor("larco-learner-" + learnerName, 1, 1, java.util.concurrent.TimeUnit.HOURS);
    }

    public <T> Future<T> run(Callable<T> task) {
        return executor.executeBlocking(task, true);
    }

    @Override
    public void close() {
        executor.close();
    }
}
