package dev.weft.gateway.marbles;

/**
 * The outcome of a committed transaction.
 *
 * @param transactionId the Fabric transaction id
 * @param blockNumber the block that holds it
 * @param value what the chaincode returned, parsed
 * @param <T> the value type
 */
public record Submitted<T>(String transactionId, long blockNumber, T value) {}
