package dev.weft.service.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The keys of the configured keys file, re-read whenever the file changes (time stamp, size or file identity, which
 * also catches the symbolic-link swap of a Kubernetes Secret volume), so a key is revoked without a restart.
 *
 * <p>Fails closed: a missing file accepts no key (a Secret mounted {@code optional} may appear later), and a file
 * that became invalid accepts no key until it is fixed, rather than keeping keys someone may have just revoked.
 */
@ApplicationScoped
public class ApiKeyStore {

    private static final Logger LOG = Logger.getLogger(ApiKeyStore.class);

    private final Optional<Path> file;
    private Snapshot snapshot = Snapshot.NONE;

    ApiKeyStore(SecurityConfig config) {
        this.file = config.apiKeys().file();
    }

    /** Reads the file now; at start, so that a broken file fails the start instead of the first request. */
    void load() {
        file.ifPresent(f -> snapshot = read(f, null, true));
    }

    /** What the presented key is, against the file as it is now. Blocking: may read the file. */
    KeyLookup.Result find(String presentedKey) {
        return KeyLookup.find(current(), presentedKey);
    }

    private synchronized List<ApiKeyEntry> current() {
        if (file.isEmpty()) {
            return List.of();
        }
        Stamp now = Stamp.of(file.get());
        if (!now.equals(snapshot.stamp())) {
            snapshot = read(file.get(), now, false);
        }
        return snapshot.entries();
    }

    private static Snapshot read(Path file, Stamp stamp, boolean failOnError) {
        Stamp before = stamp == null ? Stamp.of(file) : stamp;
        if (before.equals(Stamp.MISSING)) {
            LOG.warnf("API keys file %s does not exist: no API key is accepted until it does", file);
            return new Snapshot(Stamp.MISSING, List.of());
        }
        try {
            List<ApiKeyEntry> entries = KeysFile.parse(Files.readString(file));
            LOG.infof(
                    "API keys file %s: %d key(s), %d revoked",
                    file,
                    entries.size(),
                    entries.stream().filter(ApiKeyEntry::revoked).count());
            return new Snapshot(before, entries);
        } catch (KeysFileException e) {
            if (failOnError) {
                throw new IllegalStateException("API keys file " + file + ": " + e.getMessage(), e);
            }
            LOG.errorf("API keys file %s: %s; no API key is accepted until it is fixed", file, e.getMessage());
            return new Snapshot(before, List.of());
        } catch (IOException e) {
            if (failOnError) {
                throw new IllegalStateException("cannot read API keys file " + file + ": " + e.getMessage(), e);
            }
            LOG.errorf("cannot read API keys file %s: %s; no API key is accepted", file, e.getMessage());
            return new Snapshot(before, List.of());
        }
    }

    private record Snapshot(Stamp stamp, List<ApiKeyEntry> entries) {
        static final Snapshot NONE = new Snapshot(null, List.of());
    }

    /** What tells that the file changed without reading it. */
    private record Stamp(FileTime modified, long size, Object fileKey) {
        static final Stamp MISSING = new Stamp(FileTime.fromMillis(0), -1, "missing");

        static Stamp of(Path file) {
            try {
                // Follows links: a Secret volume swaps a "..data" link, the file's own attributes then change.
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                return new Stamp(
                        attributes.lastModifiedTime(), attributes.size(), Objects.toString(attributes.fileKey()));
            } catch (NoSuchFileException e) {
                return MISSING;
            } catch (IOException e) {
                return new Stamp(FileTime.fromMillis(0), -2, e.getMessage());
            }
        }
    }
}
