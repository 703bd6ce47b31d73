package dev.weft.provisioner.status;

/** Where a network stands as a whole. */
public enum Phase {
    /** Accepted, the workflow has not started yet. */
    PENDING,
    /** The workflow is running (or was running when the service stopped). */
    PROVISIONING,
    /** Every step succeeded; the network serves its channels. */
    READY,
    /** A step failed; {@link NetworkStatus#lastError()} says why. Re-submitting the spec resumes at that step. */
    FAILED,
    /** The network's nodes are being stopped or removed. */
    DELETING,
    /** The nodes are gone; data is kept unless the delete purged it. */
    DELETED
}
