package org.larco.node.daemon;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;

/** Creates the Vert.x instance of a node process, with its metrics going to the Prometheus registry. */
public final class VertxRuntime {

    private VertxRuntime() {
    }

    public static Vertx create(PrometheusMeterRegistry registry) {
        VertxOptions options = new VertxOptions()
                .setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true).setJvmMetricsEnabled(true))
                // Training runs on worker threads for minutes; the warning would fire on every round.
                .setMaxWorkerExecuteTime(2)
                .setMaxWorkerExecuteTimeUnit(java.util.concurrent.TimeUnit.HOURS);
        return Vertx.builder().with(options).withMetrics(new MicrometerMetricsFactory(registry)).build();
    }
}
