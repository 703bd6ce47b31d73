package dev.weft.lifecycle.service;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.events.NetworkReady;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The networks this service has heard of, from their {@code NetworkReady} events, kept as JSON under the work dir
 * so that a restarted service can resume deployments without waiting for the event again. The events hold only
 * references to admin identities, never keys.
 */
public final class NetworkRegistry {

    private static final ObjectMapper JSON =
            new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path root;

    public NetworkRegistry(Path root) {
        this.root = root;
    }

    /** Records (or replaces) a network. */
    public synchronized void put(NetworkReady network) {
        try {
            Files.createDirectories(root);
            Path temporary = Files.createTempFile(root, network.network(), ".tmp");
            Files.write(temporary, JSON.writeValueAsBytes(network));
            Files.move(
                    temporary,
                    root.resolve(network.network() + ".json"),
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record network " + network.network(), e);
        }
    }

    /** The network, if it announced itself. */
    public synchronized Optional<NetworkReady> get(String network) {
        Path file = root.resolve(network + ".json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), NetworkReady.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
