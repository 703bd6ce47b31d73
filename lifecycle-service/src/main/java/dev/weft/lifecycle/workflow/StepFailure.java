package dev.weft.lifecycle.workflow;

/** A workflow step failed for an organization (and peer); carries what {@code ChaincodeFailed} reports. */
public class StepFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String step;
    private final String organization;
    private final String peer;

    public StepFailure(String step, String organization, String peer, Throwable cause) {
        super(cause.getMessage(), cause);
        this.step = step;
        this.organization = organization;
        this.peer = peer;
    }

    public StepFailure(String step, String organization, String peer, String message) {
        super(message);
        this.step = step;
        this.organization = organization;
        this.peer = peer;
    }

    public String step() {
        return step;
    }

    public String organization() {
        return organization;
    }

    public String peer() {
        return peer;
    }
}
