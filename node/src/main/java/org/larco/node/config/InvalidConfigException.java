package org.larco.node.config;

/** A configuration value is missing or invalid; the message names the key, the value and the fix. */
public final class InvalidConfigException extends IllegalArgumentException {

    public InvalidConfigException(String message) {
        super(message);
    }

    public InvalidConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
