package dev.weft.fabric.admin.lifecycle;

/** What a commit did. Both are success: committing is idempotent. */
public enum CommitOutcome {
    /** The definition was committed now. */
    COMMITTED,
    /** The same definition was already committed at this sequence; nothing was sent. */
    ALREADY_COMMITTED
}
