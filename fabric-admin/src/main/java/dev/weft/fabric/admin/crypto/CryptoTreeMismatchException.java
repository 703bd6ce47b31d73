package dev.weft.fabric.admin.crypto;

import java.nio.file.Path;

/**
 * What exists on disk does not match the {@link Topology} or the material about to be written: a key that differs,
 * a certificate not issued by the org's CA, TLS SANs lacking a host name the topology asks for. Existing keys are
 * never replaced; the caller decides whether to delete the offending folder.
 */
public class CryptoTreeMismatchException extends CryptoException {

    private final Path path;

    public CryptoTreeMismatchException(Path path, String problem) {
        super(path + ": " + problem);
        this.path = path;
    }

    /** The file or folder that does not match. */
    public Path path() {
        return path;
    }
}
