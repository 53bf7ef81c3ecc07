package org.larco.node.chain;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback TCP proxy that tests can cut: {@link #cut()} drops every connection and refuses new
 * ones until {@link #restore()}, which listens on the same port again.
 */
final class TcpProxy {

    private final Vertx vertx;
    private final int listenPort;
    private final int targetPort;
    private final NetClient client;
    private final Set<NetSocket> sockets = ConcurrentHashMap.newKeySet();
    private NetServer server;

    private TcpProxy(Vertx vertx, int listenPort, int targetPort) {
        this.vertx = vertx;
        this.listenPort = listenPort;
        this.targetPort = targetPort;
        this.client = vertx.createNetClient();
    }

    static Future<TcpProxy> start(Vertx vertx, int targetPort) {
        TcpProxy proxy = new TcpProxy(vertx, CometBftTestNode.freePort(), targetPort);
        return proxy.restore().map(proxy);
    }

    int port() {
        return listenPort;
    }

    Future<Void> cut() {
        NetServer closing = server;
        server = null;
        sockets.forEach(NetSocket::close);
        sockets.clear();
        return closing == null ? Future.succeededFuture() : closing.close();
    }

    Future<Void> restore() {
        server = vertx.createNetServer(new NetServerOptions().setHost("127.0.0.1").setPort(listenPort)
                .setReuseAddress(true));
        server.connectHandler(this::forward);
        return server.listen().mapEmpty();
    }

    private void forward(NetSocket inbound) {
        inbound.pause();
        sockets.add(inbound);
        client.connect(targetPort, "127.0.0.1").onComplete(result -> {
            if (result.failed()) {
                inbound.close();
                return;
            }
            NetSocket outbound = result.result();
            sockets.add(outbound);
            inbound.pipeTo(outbound);
            outbound.pipeTo(inbound);
            inbound.resume();
        });
    }
}
