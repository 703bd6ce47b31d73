package dev.weft.gateway.identity.ca;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A Fabric CA request failed: the CA answered with errors ({@code errors[].code/message} of its JSON envelope), or
 * could not be reached ({@link #httpStatus()} 0, no errors). Never carries a secret or a key.
 */
public class FabricCaException extends RuntimeException {

    /** Fabric CA's {@code ErrDupIdentityReg}: the identity is registered already. */
    public static final int IDENTITY_ALREADY_REGISTERED = 74;

    /** Fabric CA's {@code ErrAuthenticationFailure}: wrong secret, unknown identity, or a rejected token. */
    public static final int AUTHENTICATION_FAILURE = 20;

    /** One entry of the CA's {@code errors} array. */
    public record CaError(int code, String message) {}

    private final String operation;
    private final int httpStatus;
    private final List<CaError> errors;

    public FabricCaException(String operation, int httpStatus, List<CaError> errors) {
        super(describe(operation, httpStatus, errors));
        this.operation = operation;
        this.httpStatus = httpStatus;
        this.errors = List.copyOf(errors);
    }

    public FabricCaException(String operation, String problem, Throwable cause) {
        super("Fabric CA " + operation + " failed: " + problem, cause);
        this.operation = operation;
        this.httpStatus = 0;
        this.errors = List.of();
    }

    /** What was asked: {@code cainfo}, {@code enroll <id>}, {@code register <id>}, {@code modify identity <id>}. */
    public String operation() {
        return operation;
    }

    /** The HTTP status, 0 when no answer came. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The CA's errors, possibly empty. */
    public List<CaError> errors() {
        return errors;
    }

    /** Whether the CA reported error {@code code}. */
    public boolean has(int code) {
        return errors.stream().anyMatch(e -> e.code() == code);
    }

    private static String describe(String operation, int httpStatus, List<CaError> errors) {
        String details = errors.isEmpty()
                ? "no error details"
                : errors.stream()
                        .map(e -> "code " + e.code() + ": " + e.message())
                        .collect(Collectors.joining("; "));
        return "Fabric CA " + operation + " failed with HTTP " + httpStatus + " (" + details + ")";
    }
}
