package org.larco.lartpc.data;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Permission fix for files written through a temporary file, which Java creates as owner-only. */
public final class FilePermissions {

    private FilePermissions() {
    }

    /** Sets rw-r--r-- on POSIX file systems, the usual mode of a new data file; elsewhere does nothing. */
    public static void makeWorldReadable(Path file) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }
}
