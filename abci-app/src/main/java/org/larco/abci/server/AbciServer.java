package org.larco.abci.server;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.larco.abci.Application;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ABCI socket server that CometBFT's {@code proxy_app} connects to (tcp transport).
 *
 * <p>Serves any number of connections (CometBFT opens four: query, snapshot, mempool,
 * consensus), each served in order on its own worker thread; see {@link AbciConnection}.
 * Thread-safe.
 */
public final class AbciServer {

    private static final Logger log = LoggerFactory.getLogger(AbciServer.class);

    /**
     * Default maximum frame: 64 MiB, which holds a FinalizeBlock for CometBFT's default maximum
     * block size (22,020,096 bytes) with room to spare.
     */
    public static final int DEFAULT_MAX_FRAME_BYTES = 64 * 1024 * 1024;
    private static final long SHUTDOWN_WAIT_MS = 10_000;

    private final Vertx vertx;
    private final NetServer server;
    private final Set<AbciConnection> connections = ConcurrentHashMap.newKeySet();

    private AbciServer(Vertx vertx, NetServer server) {
        this.vertx = vertx;
        this.server = server;
    }

    /** Starts a server with the default maximum frame size. */
    public static Future<AbciServer> start(Vertx vertx, Application app, String host, int port) {
        return start(vertx, app, host, port, DEFAULT_MAX_FRAME_BYTES);
    }

    /**
     * Listens on {@code host:port} (port 0 picks a free port; see {@link #port()}).
     *
     * @param maxFrameBytes frames above this size are logged and their connection is closed
     */
    public static Future<AbciServer> start(Vertx vertx, Application app, String host, int port, int maxFrameBytes) {
        RequestHandler handler = new RequestHandler(app);
        NetServer netServer = vertx.createNetServer(new NetServerOptions().setHost(host).setPort(port).setTcpNoDelay(true));
        AbciServer abci = new AbciServer(vertx, netServer);
        AtomicInteger ids = new AtomicInteger();
        netServer.connectHandler(socket -> abci.accept(socket, handler, maxFrameBytes, "c" + ids.incrementAndGet()));
        return netServer.listen().map(listening -> {
            log.info("ABCI server listening on {}:{} (max frame {} bytes)", host, listening.actualPort(), maxFrameBytes);
            return abci;
        });
    }

    private void accept(NetSocket socket, RequestHandler handler, int maxFrameBytes, String id) {
        AbciConnection[] holder = new AbciConnection[1];
        holder[0] = new AbciConnection(socket, vertx.getOrCreateContext(), handler, maxFrameBytes, id,
                () -> connections.remove(holder[0]));
        connections.add(holder[0]);
        holder[0].start();
    }

    /** Returns the port the server listens on. */
    public int port() {
        return server.actualPort();
    }

    /**
     * Stops accepting connections, closes the open ones and waits (up to 10 s) for the requests in
     * progress, so a Commit under way finishes writing its state.
     */
    public Future<Void> close() {
        List<AbciConnection> open = new ArrayList<>(connections);
        return server.close()
                .compose(ignored -> Future.all(open.stream().map(AbciConnection::close).toList()).<Void>mapEmpty()
                        .otherwise((Void) null))
                .compose(ignored -> vertx.<Void>executeBlocking(() -> {
                    for (AbciConnection connection : open) {
                        connection.awaitIdle(SHUTDOWN_WAIT_MS);
                    }
                    return null;
                }))
                .onComplete(ignored -> log.info("ABCI server stopped"));
    }
}
