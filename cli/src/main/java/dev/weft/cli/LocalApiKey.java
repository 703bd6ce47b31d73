package dev.weft.cli;

import dev.weft.service.security.ApiKeyEntry;
import dev.weft.service.security.ApiKeys;
import dev.weft.service.security.KeysFile;
import dev.weft.service.security.Roles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The API key of the local run: made once by {@code ./weft up}, kept in the work folder, with every role. The
 * services read only its hash, from the keys file next to it; the key itself is in a file only its owner can read,
 * and the CLI sends it with its own calls.
 *
 * <pre>{@code
 * .weft/security/api-keys         name=local sha256=... roles=marbles:read,marbles:write,network:admin,chaincode:admin
 * .weft/security/local-api-key    weft_...   (mode 0600)
 * }</pre>
 */
final class LocalApiKey {

    /** The name of the local key in the keys file. */
    static final String NAME = "local";

    private final Path keysFile;
    private final Path keyFile;

    LocalApiKey(Path securityDir) {
        this.keysFile = securityDir.resolve("api-keys");
        this.keyFile = securityDir.resolve("local-api-key");
    }

    Path keysFile() {
        return keysFile;
    }

    Path keyFile() {
        return keyFile;
    }

    /** The key, made (or remade, when its file was lost or no longer matches the keys file) if needed. */
    String ensure() throws IOException {
        String keys = Files.isRegularFile(keysFile) ? Files.readString(keysFile) : "";
        if (Files.isRegularFile(keyFile)) {
            String key = Files.readString(keyFile).strip();
            String hash = ApiKeys.sha256Hex(key);
            boolean listed = KeysFile.parse(keys).stream()
                    .anyMatch(e -> e.name().equals(NAME)
                            && !e.revoked()
                            && e.sha256Hex().equals(hash));
            if (listed) {
                return key;
            }
        }
        String key = ApiKeys.newKey();
        ApiKeyEntry entry = new ApiKeyEntry(NAME, ApiKeys.sha256(key), Set.copyOf(Roles.ALL), false);
        // Hash first, key second: a crash in between leaves a key nobody has, never a key the services refuse.
        writePrivate(keysFile, KeysFile.append(KeysFile.remove(keys, NAME), entry));
        writePrivate(keyFile, key + "\n");
        return key;
    }

    /** Writes through a temporary file, created 0600 before any byte is written, then moved into place. */
    static void writePrivate(Path file, String text) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        try {
            Files.createFile(
                    temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(temporary);
        }
        Files.writeString(temporary, text);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
