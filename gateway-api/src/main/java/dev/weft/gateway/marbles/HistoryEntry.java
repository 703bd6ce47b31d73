package dev.weft.gateway.marbles;

import java.time.Instant;

/** One committed change of a marble: the marble after it, or {@code null} with {@code deleted} set. */
public record HistoryEntry(String transactionId, Instant timestamp, boolean deleted, Marble value) {}
