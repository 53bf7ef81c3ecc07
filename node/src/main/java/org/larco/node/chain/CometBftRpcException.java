package org.larco.node.chain;

/** Raised when a CometBFT node cannot be reached or returns an error for a JSON-RPC call. */
public final class CometBftRpcException extends RuntimeException {

    public CometBftRpcException(String message) {
        super(message);
    }

    public CometBftRpcException(String message, Throwable cause) {
        super(message, cause);
    }
}
