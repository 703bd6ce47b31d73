package dev.weft.gateway.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Keeps the {@link EventCheckpoint} in a small JSON file, replaced atomically (write a sibling, then rename) so a
 * crash leaves either the old or the new checkpoint, never half of one.
 *
 * <pre>{@code
 * FileCheckpointStore store = new FileCheckpointStore(Path.of("/data/marbles-events.checkpoint"));
 * store.write(new EventCheckpoint(12, "a1b2", 0));
 * store.read(); // Optional[EventCheckpoint[blockNumber=12, transactionId=a1b2, eventIndex=0]]
 * }</pre>
 */
public final class FileCheckpointStore {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path file;

    public FileCheckpointStore(Path file) {
        this.file = file;
    }

    public Optional<EventCheckpoint> read() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(MAPPER.readValue(file.toFile(), EventCheckpoint.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the event checkpoint " + file, e);
        }
    }

    public void write(EventCheckpoint checkpoint) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temporary = parent.resolve(file.getFileName() + ".tmp");
            Files.write(temporary, MAPPER.writeValueAsBytes(checkpoint));
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the event checkpoint " + file, e);
        }
    }
}
