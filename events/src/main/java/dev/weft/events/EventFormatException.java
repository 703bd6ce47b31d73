package dev.weft.events;

/** A serialized event cannot be read: not JSON, an unknown {@code type}, or a missing or malformed field. */
public final class EventFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EventFormatException(String message, Throwable cause) {
        super(message, cause);
    }

    public EventFormatException(String message) {
        super(message);
    }
}
