package dev.weft.gateway.events;

/**
 * A chaincode event as the peer delivered it: name and JSON payload from {@code setEvent}, with its place on the
 * ledger.
 */
public record LedgerEvent(long blockNumber, String transactionId, String eventName, byte[] payload) {}
