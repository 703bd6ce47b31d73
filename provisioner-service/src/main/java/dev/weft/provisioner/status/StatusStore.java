package dev.weft.provisioner.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.weft.events.EventJson;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Keeps each network's {@link NetworkStatus} as {@code <root>/<network>/status.json}. Writes go to a temporary file
 * in the same folder that is then moved over the old one, so a crash leaves either the old or the new status, never
 * half of one. Thread-safe: writes are serialised.
 *
 * <pre>{@code
 * StatusStore store = new StatusStore(Path.of(".weft/networks"));
 * store.save(status);
 * store.find("demo").map(NetworkStatus::phase); // Optional[READY]
 * }</pre>
 */
public final class StatusStore {

    /** The status file name inside a network's folder. */
    public static final String FILE = "status.json";

    private static final ObjectMapper JSON = EventJson.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path root;

    public StatusStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The folder holding one sub-folder per network. */
    public Path root() {
        return root;
    }

    /** The status of {@code network}, if it was ever saved. */
    public Optional<NetworkStatus> find(String network) {
        Path file = root.resolve(network).resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), NetworkStatus.class));
        } catch (IOException e) {
            throw new StatusStoreException(file, "cannot read: " + e.getMessage(), e);
        }
    }

    /** Every saved status, by network name. */
    public List<NetworkStatus> all() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<NetworkStatus> all = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            dirs.filter(d -> Files.isRegularFile(d.resolve(FILE)))
                    .sorted(Comparator.comparing(Path::toString))
                    .forEach(d -> find(d.getFileName().toString()).ifPresent(all::add));
        } catch (IOException e) {
            throw new StatusStoreException(root, "cannot list: " + e.getMessage(), e);
        }
        return all;
    }

    /** Saves atomically (temporary file, then move). */
    public synchronized void save(NetworkStatus status) {
        Path dir = root.resolve(status.network());
        Path file = dir.resolve(FILE);
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, FILE, ".tmp");
            JSON.writeValue(tmp.toFile(), status);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new StatusStoreException(file, "cannot write: " + e.getMessage(), e);
        }
    }

    /** Forgets a network's status (its folder is the caller's business). */
    public synchronized void delete(String network) {
        Path file = root.resolve(network).resolve(FILE);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new StatusStoreException(file, "cannot delete: " + e.getMessage(), e);
        }
    }
}
