package dev.weft.service.security;

import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;

/**
 * One key of the keys file: its name (the caller's principal name), the SHA-256 of the key, its roles, and whether
 * it was revoked. The key itself is never held.
 *
 * @param name the principal name, e.g. {@code ops}; letters, digits, {@code . _ -}
 * @param sha256 the key's SHA-256 (32 bytes)
 * @param roles the roles the key grants, from {@link Roles#ALL}
 * @param revoked whether the key is refused
 */
public record ApiKeyEntry(String name, byte[] sha256, Set<String> roles, boolean revoked) {

    public ApiKeyEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sha256, "sha256");
        roles = Set.copyOf(roles);
        sha256 = sha256.clone();
    }

    @Override
    public byte[] sha256() {
        return sha256.clone();
    }

    /** The hash as the keys file writes it. */
    public String sha256Hex() {
        return HexFormat.of().formatHex(sha256);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApiKeyEntry e
                && name.equals(e.name)
                && java.util.Arrays.equals(sha256, e.sha256)
                && roles.equals(e.roles)
                && revoked == e.revoked;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, java.util.Arrays.hashCode(sha256), roles, revoked);
    }

    @Override
    public String toString() {
        return "ApiKeyEntry[name=" + name + ", roles=" + roles + ", revoked=" + revoked + "]";
    }
}
