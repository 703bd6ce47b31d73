package dev.weft.gateway.events;

/**
 * The last CloudEvent Kafka acknowledged: the block and transaction it came from and its index among that
 * transaction's CloudEvents. Resuming from here republishes nothing before it and skips nothing after it.
 *
 * <pre>{@code
 * store.write(new EventCheckpoint(12, "a1b2", 0)); // a1b2's first CloudEvent, in block 12, is on Kafka
 * }</pre>
 */
public record EventCheckpoint(long blockNumber, String transactionId, int eventIndex) {}
