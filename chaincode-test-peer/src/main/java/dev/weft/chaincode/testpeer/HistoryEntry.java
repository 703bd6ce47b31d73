package dev.weft.chaincode.testpeer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * One committed modification of a key, as the peer's history database keeps it.
 *
 * @param txId the transaction that wrote the key
 * @param value the value written; empty for a delete
 * @param timestamp the transaction's timestamp (from its channel header)
 * @param deleted whether the transaction deleted the key
 */
public record HistoryEntry(String txId, byte[] value, Instant timestamp, boolean deleted) {

    public HistoryEntry {
        Objects.requireNonNull(txId, "txId");
        Objects.requireNonNull(timestamp, "timestamp");
        value = value == null ? new byte[0] : value.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    /** The value as UTF-8 text. */
    public String valueUtf8() {
        return new String(value, StandardCharsets.UTF_8);
    }
}
