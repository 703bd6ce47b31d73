package dev.weft.service.security;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The API keys file: one key per line as {@code field=value} pairs, {@code #} comments and blank lines ignored.
 * Pure: reads and writes text; {@link ApiKeyStore} does the I/O.
 *
 * <pre>{@code
 * # Weft API keys: only the SHA-256 of each key is stored.
 * name=ops sha256=5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8 roles=network:admin,chaincode:admin
 * name=shop sha256=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 roles=marbles:read revoked=true
 * }</pre>
 *
 * <p>A line format rather than YAML: it needs no parser library, a key is revoked by editing one line, and every
 * error names its line.
 */
public final class KeysFile {

    /** The comment {@code ./weft apikey new} writes at the top of a new file. */
    public static final String HEADER = "# Weft API keys: one key per line, only the SHA-256 of each key is stored.\n"
            + "# name=<principal> sha256=<64 hex digits> roles=<role,...> [revoked=true]\n";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    private static final List<String> FIELDS = List.of("name", "sha256", "roles", "revoked");

    private KeysFile() {}

    /**
     * The keys of a file's text.
     *
     * @throws KeysFileException naming the line and field of the first error
     */
    public static List<ApiKeyEntry> parse(String text) {
        List<ApiKeyEntry> entries = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> hashes = new HashSet<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            ApiKeyEntry entry = parseLine(i + 1, line);
            if (!names.add(entry.name())) {
                throw new KeysFileException(i + 1, "name", "duplicate name '" + entry.name() + "'");
            }
            if (!hashes.add(entry.sha256Hex())) {
                throw new KeysFileException(i + 1, "sha256", "the same key hash appears twice");
            }
            entries.add(entry);
        }
        return List.copyOf(entries);
    }

    /** The line of one key. */
    public static String line(ApiKeyEntry entry) {
        return "name=" + entry.name() + " sha256=" + entry.sha256Hex() + " roles="
                + String.join(
                        ",", Roles.ALL.stream().filter(entry.roles()::contains).toList())
                + (entry.revoked() ? " revoked=true" : "");
    }

    /**
     * The text with {@code entry} appended (with the header when the text is empty).
     *
     * @throws KeysFileException when the text is not valid
     * @throws IllegalArgumentException when a key of that name exists
     */
    public static String append(String text, ApiKeyEntry entry) {
        boolean taken = parse(text).stream().anyMatch(e -> e.name().equals(entry.name()));
        if (taken) {
            throw new IllegalArgumentException(
                    "a key named '" + entry.name() + "' exists; revoke it or pick another name");
        }
        String base = text.isBlank() ? HEADER : (text.endsWith("\n") ? text : text + "\n");
        String appended = base + line(entry) + "\n";
        parse(appended); // e.g. a name the file cannot hold: refused before anything is written
        return appended;
    }

    /**
     * The text with the key {@code name} marked {@code revoked=true}; other lines are kept as they are.
     *
     * @throws IllegalArgumentException when there is no key of that name
     */
    public static String revoke(String text, String name) {
        parse(text);
        String[] lines = text.split("\n", -1);
        boolean found = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            ApiKeyEntry entry = parseLine(i + 1, line);
            if (entry.name().equals(name)) {
                lines[i] = line(new ApiKeyEntry(entry.name(), entry.sha256(), entry.roles(), true));
                found = true;
            }
        }
        if (!found) {
            throw new IllegalArgumentException("no key named '" + name + "'");
        }
        return String.join("\n", lines);
    }

    /** The text without the line of the key {@code name}, if there is one; other lines are kept as they are. */
    public static String remove(String text, String name) {
        parse(text);
        List<String> kept = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            boolean entry = !line.isEmpty() && !line.startsWith("#");
            if (!entry || !parseLine(i + 1, line).name().equals(name)) {
                kept.add(lines[i]);
            }
        }
        return String.join("\n", kept);
    }

    private static ApiKeyEntry parseLine(int number, String line) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String token : line.split("\\s+")) {
            int eq = token.indexOf('=');
            if (eq <= 0) {
                throw new KeysFileException(number, null, "expected field=value, found '" + token + "'");
            }
            String field = token.substring(0, eq);
            if (!FIELDS.contains(field)) {
                throw new KeysFileException(number, field, "unknown field (known: " + String.join(", ", FIELDS) + ")");
            }
            if (fields.put(field, token.substring(eq + 1)) != null) {
                throw new KeysFileException(number, field, "given twice");
            }
        }
        String name = required(number, fields, "name");
        if (!NAME.matcher(name).matches()) {
            throw new KeysFileException(number, "name", "use 1 to 64 letters, digits, '.', '_' or '-'");
        }
        String sha256 = required(number, fields, "sha256");
        if (!HEX64.matcher(sha256).matches()) {
            throw new KeysFileException(
                    number, "sha256", "must be the key's SHA-256 as 64 lower-case hex digits, never the key itself");
        }
        Set<String> roles;
        try {
            roles = Roles.parse(required(number, fields, "roles"));
        } catch (IllegalArgumentException e) {
            throw new KeysFileException(number, "roles", e.getMessage());
        }
        String revoked = fields.getOrDefault("revoked", "false");
        if (!revoked.equals("true") && !revoked.equals("false")) {
            throw new KeysFileException(number, "revoked", "must be true or false, was '" + revoked + "'");
        }
        return new ApiKeyEntry(name, HexFormat.of().parseHex(sha256), roles, Boolean.parseBoolean(revoked));
    }

    private static String required(int number, Map<String, String> fields, String field) {
        String value = fields.get(field);
        if (value == null || value.isEmpty()) {
            throw new KeysFileException(number, field, "is required");
        }
        return value;
    }
}
