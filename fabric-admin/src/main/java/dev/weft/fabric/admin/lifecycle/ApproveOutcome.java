package dev.weft.fabric.admin.lifecycle;

/** What an approval did. Both are success: approving is idempotent. */
public enum ApproveOutcome {
    /** A new approval was committed to the channel. */
    APPROVED,
    /** My organization had already approved exactly this; nothing was sent. */
    ALREADY_APPROVED
}
