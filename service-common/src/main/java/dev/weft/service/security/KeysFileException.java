package dev.weft.service.security;

/** The keys file is not valid; the message names the line and the field at fault. */
public final class KeysFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final String field;

    KeysFileException(int line, String field, String message) {
        super("line " + line + (field == null ? "" : ", field " + field) + ": " + message);
        this.line = line;
        this.field = field;
    }

    /** The 1-based line at fault. */
    public int line() {
        return line;
    }

    /** The field at fault ({@code name}, {@code sha256}, {@code roles}, {@code revoked}), or null for the line. */
    public String field() {
        return field;
    }
}
