package dev.weft.service.security;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The keys of the configured keys file. A background thread re-checks the file every {@code recheck-interval}
 * (1 s by default) and re-reads it when it changed (time stamp, size or file identity, which also catches the
 * symbolic-link swap of a Kubernetes Secret volume), so a key is revoked without a restart. Lookups only read memory:
 * authentication never waits for the disk and needs no worker thread.
 *
 * <p>Fails closed: a missing file accepts no key (a Secret mounted {@code optional} may appear later), and a file
 * that became invalid accepts no key until it is fixed, rather than keeping keys someone may have just revoked.
 */
@ApplicationScoped
public class ApiKeyStore {

    private static final Logger LOG = Logger.getLogger(ApiKeyStore.class);

    private final Optional<Path> file;
    private final Duration recheckInterval;
    private volatile Snapshot snapshot = Snapshot.NONE;
    private ScheduledExecutorService rechecks;

    ApiKeyStore(SecurityConfig config) {
        this.file = config.apiKeys().file();
        this.recheckInterval = config.apiKeys().recheckInterval();
    }

    /**
     * Reads the file now, so that a broken file fails the start instead of the first request, then re-checks it in
     * the background.
     */
    synchronized void load() {
        if (file.isEmpty()) {
            return;
        }
        snapshot = read(file.get(), null, true);
        if (rechecks == null) {
            rechecks = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "weft-api-keys-recheck");
                t.setDaemon(true);
                return t;
            });
            long millis = Math.max(1, recheckInterval.toMillis());
            rechecks.scheduleWithFixedDelay(this::recheck, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    /** What the presented key is, against the keys last read. Never blocks. */
    KeyLookup.Result find(String presentedKey) {
        return KeyLookup.find(snapshot.entries(), presentedKey);
    }

    /** Re-reads the file if it changed since it was last read. */
    void recheck() {
        try {
            Stamp now = Stamp.of(file.orElseThrow());
            if (!now.equals(snapshot.stamp())) {
                snapshot = read(file.get(), now, false);
            }
        } catch (RuntimeException e) {
            // The schedule stops for good if a run throws: keep the keys read last and try again next time.
            LOG.errorf("re-checking the API keys file failed: %s", e.getMessage());
        }
    }

    @PreDestroy
    synchronized void close() {
        if (rechecks != null) {
            rechecks.shutdownNow();
        }
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
