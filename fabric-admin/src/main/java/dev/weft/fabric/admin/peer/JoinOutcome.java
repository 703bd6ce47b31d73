package dev.weft.fabric.admin.peer;

/** What joining a channel did. Both are success: joining is idempotent. */
public enum JoinOutcome {
    /** The node joined the channel now. */
    JOINED,
    /** The node was already a member; nothing changed. */
    ALREADY_JOINED
}
