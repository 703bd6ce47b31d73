package dev.weft.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Files of the repository the tests read: the chart, the compose file, the services' sources.
 *
 * <pre>{@code
 * Path chart = RepositoryFiles.path("helm/weft");
 * String props = RepositoryFiles.read("gateway-api/src/main/resources/application.properties");
 * }</pre>
 */
public final class RepositoryFiles {

    private static final Path ROOT = locateRoot();

    private RepositoryFiles() {}

    /** The repository root: {@code -Dweft.root} (set by the POM), else the parent of the working folder. */
    public static Path root() {
        return ROOT;
    }

    /** A path under the root. */
    public static Path path(String relative) {
        return ROOT.resolve(relative).normalize();
    }

    /** A file's text, UTF-8. */
    public static String read(String relative) {
        try {
            return Files.readString(path(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + relative, e);
        }
    }

    private static Path locateRoot() {
        String configured = System.getProperty("weft.root");
        Path start = configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of("").toAbsolutePath().getParent();
        Path root = start.toAbsolutePath().normalize();
        if (!Files.isRegularFile(root.resolve("helm/weft/Chart.yaml"))) {
            throw new IllegalStateException("not the Weft repository root (no helm/weft/Chart.yaml): " + root);
        }
        return root;
    }
}
