package dev.weft.lifecycle.runtime;

/** A chaincode server did not come up; the message says why and, for a local process, ends with its log tail. */
public class ServerStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ServerStartException(String message) {
        super(message);
    }

    public ServerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
