package dev.weft.gateway.marbles;

import java.util.Objects;

/**
 * A marbles operation failed with a {@link MarblesError}. Thrown by the application service; mapped by the REST
 * and gRPC layers.
 */
public final class MarblesException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient MarblesError error;

    public MarblesException(MarblesError error) {
        this(error, null);
    }

    public MarblesException(MarblesError error, Throwable cause) {
        super(Objects.requireNonNull(error, "error").kind().slug() + ": " + error.detail(), cause);
        this.error = error;
    }

    public MarblesError error() {
        return error;
    }
}
