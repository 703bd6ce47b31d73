package dev.weft.fabric.admin.crypto;

import java.nio.file.Path;

/** A file of a crypto tree cannot be read, parsed or written; the message names the file. */
public class CryptoFileException extends CryptoException {

    private final Path file;

    public CryptoFileException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    public CryptoFileException(Path file, String problem) {
        this(file, problem, null);
    }

    /** The file that is wrong. */
    public Path file() {
        return file;
    }
}
