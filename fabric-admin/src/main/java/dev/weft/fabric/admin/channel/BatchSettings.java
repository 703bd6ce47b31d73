package dev.weft.fabric.admin.channel;

import java.time.Duration;
import java.util.Objects;

/**
 * How the orderer cuts blocks ({@code Orderer.BatchTimeout} and {@code Orderer.BatchSize} in {@code configtx.yaml}).
 *
 * @param timeout wait this long after the first transaction before cutting a block
 * @param maxMessageCount at most this many transactions per block
 * @param absoluteMaxBytes hard limit of the serialized transactions in a block
 * @param preferredMaxBytes soft limit; a single larger transaction still makes its own block
 */
public record BatchSettings(Duration timeout, int maxMessageCount, int absoluteMaxBytes, int preferredMaxBytes) {

    /** Fabric's sample defaults: 2 s, 500 messages, 10 MB absolute, 2 MB preferred. */
    public static final BatchSettings DEFAULTS =
            new BatchSettings(Duration.ofSeconds(2), 500, 10 * 1024 * 1024, 2 * 1024 * 1024);

    public BatchSettings {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new InvalidChannelProfileException("batch timeout must be positive, got " + timeout);
        }
        if (maxMessageCount <= 0) {
            throw new InvalidChannelProfileException(
                    "batch max message count must be positive, got " + maxMessageCount);
        }
        if (absoluteMaxBytes <= 0 || preferredMaxBytes <= 0 || preferredMaxBytes > absoluteMaxBytes) {
            throw new InvalidChannelProfileException("batch sizes need 0 < preferredMaxBytes (" + preferredMaxBytes
                    + ") <= absoluteMaxBytes (" + absoluteMaxBytes + ")");
        }
    }

    /** The timeout as Go's {@code time.Duration.String()} writes it ({@code 2s}, {@code 500ms}, {@code 1m30s}). */
    public String timeoutText() {
        return GoDuration.format(timeout);
    }
}
