package dev.weft.gateway.events;

import java.util.Optional;

/**
 * Decides which events of a reopened stream were published before. The stream restarts at the checkpoint's block:
 * in that block, everything up to and including the checkpointed transaction's published events is skipped.
 * Stateful per stream; not thread-safe.
 *
 * <pre>{@code
 * ResumePosition resume = new ResumePosition(store.read());
 * if (!resume.alreadyPublished(block, txId, index)) { publish(...); }
 * }</pre>
 */
public final class ResumePosition {

    private final EventCheckpoint checkpoint;
    private boolean passedCheckpoint;

    public ResumePosition(Optional<EventCheckpoint> checkpoint) {
        this.checkpoint = checkpoint.orElse(null);
        this.passedCheckpoint = checkpoint.isEmpty();
    }

    /** The block to reopen the stream at; 0 (the whole ledger) when nothing was published yet. */
    public long startBlock() {
        return checkpoint == null ? 0 : checkpoint.blockNumber();
    }

    /** Whether the event at this position went to Kafka before the restart. */
    public boolean alreadyPublished(long blockNumber, String transactionId, int eventIndex) {
        if (passedCheckpoint) {
            return false;
        }
        if (blockNumber < checkpoint.blockNumber()) {
            return true;
        }
        if (blockNumber > checkpoint.blockNumber()) {
            passedCheckpoint = true;
            return false;
        }
        if (!transactionId.equals(checkpoint.transactionId())) {
            // Same block, before the checkpointed transaction: published; after it: passed already.
            return true;
        }
        if (eventIndex <= checkpoint.eventIndex()) {
            return true;
        }
        passedCheckpoint = true;
        return false;
    }

    /** Called after the last CloudEvent of the checkpointed transaction was seen: what follows is new. */
    public void transactionDone(long blockNumber, String transactionId) {
        if (!passedCheckpoint
                && checkpoint != null
                && blockNumber == checkpoint.blockNumber()
                && transactionId.equals(checkpoint.transactionId())) {
            passedCheckpoint = true;
        }
    }
}
