package dev.weft.events;

/** Where one step of a long operation stands. */
public enum StepStatus {
    /** The step began. */
    STARTED,
    /** The step finished and changed something. */
    SUCCEEDED,
    /** The step found its work already done (a re-run converging) and changed nothing. */
    SKIPPED,
    /** The step failed; a {@code ...Failed} event follows with the error. */
    FAILED
}
