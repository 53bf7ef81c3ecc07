package org.larco.node.store;

/**
 * Raised when no endpoint delivered a blob with the expected size and hash. The message names each
 * endpoint and why it failed.
 */
public final class BlobFetchException extends RuntimeException {

    public BlobFetchException(String message) {
        super(message);
    }
}
