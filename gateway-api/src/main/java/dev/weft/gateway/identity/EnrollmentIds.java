package dev.weft.gateway.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Maps a caller's principal name to a Fabric CA enrollment id, one to one:
 *
 * <ul>
 *   <li>the configured prefix ({@code caller-}) comes first, so a caller never takes the id of one of the CA's
 *       other identities ({@code admin}, {@code peer0});
 *   <li>{@code A-Z a-z 0-9 . - @} are kept; every other character's UTF-8 bytes become {@code _XX} (upper-case hex),
 *       {@code _} itself included: {@code "Tom Riddle"} is {@code caller-Tom_20Riddle}, {@code "a:b"} is
 *       {@code caller-a_3Ab} (no {@code :}, which basic auth could not carry);
 *   <li>an id longer than 64 characters (the CA's limit for the certificate's common name) is cut to 47 and ends in
 *       {@code ~} plus the first 16 hex digits of the principal's SHA-256; {@code ~} appears in no other id.
 * </ul>
 */
public final class EnrollmentIds {

    /** The Fabric CA's limit on a certificate's common name, which must equal the enrollment id. */
    public static final int MAX_LENGTH = 64;

    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9.@-]{1,32}");
    private static final int HASH_HEX = 16;

    private final String prefix;

    /**
     * @param prefix 1 to 32 characters of {@code A-Z a-z 0-9 . - @}
     * @throws IllegalArgumentException naming {@code enrollment-id-prefix} otherwise
     */
    public EnrollmentIds(String prefix) {
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("weft.gateway.identity.per-caller.enrollment-id-prefix must be 1 to 32 "
                    + "characters of A-Z a-z 0-9 . - @");
        }
        this.prefix = prefix;
    }

    /** The enrollment id of {@code principal}. */
    public String of(String principal) {
        if (principal == null || principal.isEmpty()) {
            throw new IllegalArgumentException("a caller's principal name must not be empty");
        }
        StringBuilder id = new StringBuilder(prefix);
        for (byte b : principal.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (kept(c)) {
                id.append(c);
            } else {
                id.append('_').append(HexFormat.of().withUpperCase().toHexDigits(b));
            }
        }
        if (id.length() <= MAX_LENGTH) {
            return id.toString();
        }
        return id.substring(0, MAX_LENGTH - HASH_HEX - 1) + "~"
                + sha256(principal).substring(0, HASH_HEX);
    }

    private static boolean kept(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '.'
                || c == '-'
                || c == '@';
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
