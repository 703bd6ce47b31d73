package dev.weft.provisioner.status;

import java.nio.file.Path;

/** A status file could not be read or written. */
public class StatusStoreException extends RuntimeException {

    public StatusStoreException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
