package dev.weft.gateway.fabric;

/** No peer can be reached, or the connection is not configured. The message says which. */
public final class FabricUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public FabricUnavailableException(String message) {
        super(message);
    }

    public FabricUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
