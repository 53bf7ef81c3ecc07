package org.larco.node.ledger;

/** CheckTx rejected a transaction; carries the ledger's result code and log. */
public final class TxRejectedException extends RuntimeException {

    private final int code;

    public TxRejectedException(String description, int code, String log) {
        super(description + " rejected with code " + code + ": " + log);
        this.code = code;
    }

    public int code() {
        return code;
    }
}
