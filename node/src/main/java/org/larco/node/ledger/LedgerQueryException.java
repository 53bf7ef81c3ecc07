package org.larco.node.ledger;

/** An ABCI query returned a non-zero code or a value that does not decode. */
public final class LedgerQueryException extends RuntimeException {

    private final int code;

    public LedgerQueryException(String path, int code, String log) {
        super("ledger query " + path + " failed with code " + code + ": " + log);
        this.code = code;
    }

    public int code() {
        return code;
    }
}
