package dev.weft.service.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Making and hashing API keys. Pure: no I/O, no framework, so the CLI can create keys without starting a service.
 *
 * <p>A key is {@code weft_} followed by 256 random bits in URL-safe Base64. Only its SHA-256 is stored: a key with
 * 256 bits of entropy cannot be found from its hash by guessing, so a slow password hash (bcrypt, Argon2) would add
 * cost to every request and no protection (see docs/adr/0025-authentication.md).
 *
 * <pre>{@code
 * String key = ApiKeys.newKey();            // weft_3q2-7wE...   shown to the user once
 * String hash = ApiKeys.sha256Hex(key);     // 64 hex digits     the only thing written to the keys file
 * }</pre>
 */
public final class ApiKeys {

    /** The prefix of every key Weft makes, so a leaked key is recognisable by secret scanners. */
    public static final String PREFIX = "weft_";

    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {}

    /** A new key with 256 random bits. */
    public static String newKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The SHA-256 of the key's UTF-8 bytes. */
    public static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The SHA-256 of the key as 64 lower-case hex digits, the form the keys file stores. */
    public static String sha256Hex(String key) {
        return HexFormat.of().formatHex(sha256(key));
    }
}
