package org.larco.lartpc.data;

import java.nio.file.Path;

/** A dataset file that cannot be read: names the file and the field at fault. */
public final class DatasetFormatException extends IllegalArgumentException {

    private final transient Path file;
    private final String field;

    public DatasetFormatException(Path file, String field, String problem) {
        super("invalid dataset file " + file + ", field '" + field + "': " + problem);
        this.file = file;
        this.field = field;
    }

    public DatasetFormatException(Path file, String field, String problem, Throwable cause) {
        this(file, field, problem);
        initCause(cause);
    }

    public Path file() {
        return file;
    }

    public String field() {
        return field;
    }
}
