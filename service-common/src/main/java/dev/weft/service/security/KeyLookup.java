package dev.weft.service.security;

import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/**
 * Finds the entry of a presented key. Pure.
 *
 * <p>Compares the presented key's SHA-256 with every stored hash in constant time and without stopping at a match,
 * so the answer time tells nothing about which entry (or which prefix of a hash) matched.
 */
final class KeyLookup {

    /** What a presented key is. */
    enum Outcome {
        VALID,
        REVOKED,
        UNKNOWN
    }

    /** The outcome, and the entry when the key is known. */
    record Result(Outcome outcome, Optional<ApiKeyEntry> entry) {}

    private KeyLookup() {}

    static Result find(List<ApiKeyEntry> entries, String presentedKey) {
        byte[] presented = ApiKeys.sha256(presentedKey);
        ApiKeyEntry found = null;
        for (ApiKeyEntry entry : entries) {
            if (MessageDigest.isEqual(presented, entry.sha256()) && found == null) {
                found = entry;
            }
        }
        if (found == null) {
            return new Result(Outcome.UNKNOWN, Optional.empty());
        }
        return new Result(found.revoked() ? Outcome.REVOKED : Outcome.VALID, Optional.of(found));
    }
}
