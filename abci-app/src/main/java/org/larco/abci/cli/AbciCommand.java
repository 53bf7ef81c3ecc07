package org.larco.abci.cli;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.larco.abci.LarcoApplication;
import org.larco.abci.server.AbciServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code larco abci}: serves the ledger to a CometBFT node over the ABCI socket protocol until SIGTERM or SIGINT. */
@Command(name = "abci", mixinStandardHelpOptions = true,
        description = "Run LArCo's ABCI application (the ledger) for a CometBFT node started with --proxy_app.")
public final class AbciCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(AbciCommand.class);
    private static final long STOP_TIMEOUT_S = 30;

    @Option(names = "--home", required = true, paramLabel = "DIR",
            description = "Directory of the ledger's committed state (state.pb); created when missing.")
    Path home;

    @Option(names = "--listen", defaultValue = "tcp://127.0.0.1:26658", paramLabel = "ADDR",
            description = "Address to listen on, tcp://HOST:PORT (default: ${DEFAULT-VALUE}).")
    String listen;

    @Option(names = "--max-frame-bytes", defaultValue = "" + AbciServer.DEFAULT_MAX_FRAME_BYTES, paramLabel = "BYTES",
            description = "Largest ABCI frame accepted, in bytes; a larger one closes its connection (default: ${DEFAULT-VALUE}).")
    int maxFrameBytes;

    @Override
    public Integer call() throws Exception {
        ListenAddress address;
        LarcoApplication app;
        try {
            address = ListenAddress.parse(listen);
            app = LarcoApplication.open(home);
        } catch (IllegalArgumentException | java.io.IOException e) {
            System.err.println("error: " + e.getMessage());
            return 1;
        }
        Vertx vertx = Vertx.vertx();
        AbciServer server;
        try {
            server = AbciServer.start(vertx, app, address.host(), address.port(), maxFrameBytes)
                    .toCompletionStage().toCompletableFuture().get(STOP_TIMEOUT_S, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            vertx.close();
            System.err.println("error: cannot listen on " + listen + ": " + e.getCause().getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(vertx, server, stopped), "abci-shutdown"));
        stopped.await();
        return 0;
    }

    private static void stop(Vertx vertx, AbciServer server, CountDownLatch stopped) {
        log.info("stopping the ABCI server");
        try {
            server.close().eventually(() -> vertx.close())
                    .toCompletionStage().toCompletableFuture().get(STOP_TIMEOUT_S, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("ABCI server did not stop cleanly within {} s: {}", STOP_TIMEOUT_S, e.toString());
        } finally {
            stopped.countDown();
        }
    }
}
