package dev.weft.lifecycle.workflow;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@link ChaincodeStatus} documents as one JSON file per chaincode, {@code <root>/<name>.json}, replaced atomically
 * (write to a temporary file, then rename) so a crash never leaves half a file.
 *
 * <pre>{@code
 * StatusStore store = new StatusStore(workDir.resolve("status"));
 * store.save(status);
 * Optional<ChaincodeStatus> again = store.load("marbles");
 * }</pre>
 */
public final class StatusStore {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final Path root;

    public StatusStore(Path root) {
        this.root = root;
    }

    /** Writes the status, replacing the previous one atomically. */
    public synchronized void save(ChaincodeStatus status) {
        try {
            Files.createDirectories(root);
            Path target = file(status.name);
            Path temporary = Files.createTempFile(root, status.name, ".tmp");
            Files.write(temporary, JSON.writeValueAsBytes(status));
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the status of " + status.name, e);
        }
    }

    /** The status of {@code name}, if one was saved. */
    public synchronized Optional<ChaincodeStatus> load(String name) {
        Path file = file(name);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), ChaincodeStatus.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Every saved status, by name. */
    public synchronized List<ChaincodeStatus> list() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<ChaincodeStatus> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(root)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                all.add(JSON.readValue(file.toFile(), ChaincodeStatus.class));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
        return all;
    }

    private Path file(String name) {
        return root.resolve(name + ".json");
    }
}
