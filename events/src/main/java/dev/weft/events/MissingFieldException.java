package dev.weft.events;

/** A required field of an event or command is missing or blank. */
public final class MissingFieldException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public MissingFieldException(String field) {
        super("missing required field '" + field + "'");
        this.field = field;
    }

    /** The name of the missing field, as it appears in JSON. */
    public String field() {
        return field;
    }
}
