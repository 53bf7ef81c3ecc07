package org.larco.abci.ledger;

/**
 * A rule rejected a transaction; carries the result code and the log message. Thrown before the
 * rule changes any state, so the caller only has to discard the tx's events.
 */
public final class TxRejectedException extends Exception {

    private final int code;

    public TxRejectedException(int code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public int code() {
        return code;
    }
}
