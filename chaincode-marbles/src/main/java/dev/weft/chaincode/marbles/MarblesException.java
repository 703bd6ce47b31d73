package dev.weft.chaincode.marbles;

import java.util.Objects;
import java.util.Optional;

/**
 * A marbles function refused the transaction. The dispatcher turns it into an error response; it never escapes to
 * the shim, so no stack trace reaches the peer.
 *
 * <pre>{@code
 * throw MarblesException.invalidArgument("size", "size must be a whole number, got 'big'");
 * }</pre>
 */
public final class MarblesException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String argument;

    public MarblesException(ErrorCode code, String message) {
        this(code, message, null, null);
    }

    private MarblesException(ErrorCode code, String message, String argument, Throwable cause) {
        super(message, cause, false, false);
        this.code = Objects.requireNonNull(code, "code");
        this.argument = argument;
    }

    /** An error about one named argument. */
    public static MarblesException invalidArgument(String argument, String message) {
        return new MarblesException(ErrorCode.INVALID_ARGUMENT, message, argument, null);
    }

    /** An error with an underlying cause (kept for the log, never sent to the peer). */
    public static MarblesException withCause(ErrorCode code, String message, Throwable cause) {
        return new MarblesException(code, message, null, cause);
    }

    public ErrorCode code() {
        return code;
    }

    /** The argument at fault, where there is one. */
    public Optional<String> argument() {
        return Optional.ofNullable(argument);
    }
}
