package org.larco.abci.cli;

import java.net.URI;
import java.net.URISyntaxException;

/** A tcp://host:port listen address, as CometBFT's proxy_app writes it. */
record ListenAddress(String host, int port) {

    /**
     * Parses {@code tcp://host:port}.
     *
     * @throws IllegalArgumentException naming the value when the scheme is not tcp or host or port is missing
     */
    static ListenAddress parse(String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("invalid listen address '" + value + "': " + e.getMessage()
                    + "; use tcp://127.0.0.1:26658");
        }
        if (!"tcp".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 0) {
            throw new IllegalArgumentException("invalid listen address '" + value
                    + "': use tcp://HOST:PORT, e.g. tcp://127.0.0.1:26658 (unix sockets are not supported)");
        }
        return new ListenAddress(uri.getHost(), uri.getPort());
    }
}
