package dev.weft.provisioner.workflow;

/**
 * A step could not finish; {@link #hint()} says what to check. The message names the node and Fabric's error where
 * there is one, and never carries key material.
 */
public class RuntimeStepException extends RuntimeException {

    private final String hint;

    public RuntimeStepException(String message, String hint) {
        this(message, hint, null);
    }

    public RuntimeStepException(String message, String hint, Throwable cause) {
        super(message, cause);
        this.hint = hint;
    }

    /** What to check or do next, or {@code null}. */
    public String hint() {
        return hint;
    }
}
