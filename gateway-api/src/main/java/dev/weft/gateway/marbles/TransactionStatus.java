package dev.weft.gateway.marbles;

/**
 * Whether a transaction committed.
 *
 * @param transactionId the id
 * @param status {@code VALID}, a Fabric validation code such as {@code MVCC_READ_CONFLICT}, or {@code PENDING}
 * @param blockNumber the block, once committed
 */
public record TransactionStatus(String transactionId, String status, Long blockNumber) {}
