package dev.weft.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The instructions of a Dockerfile the tests care about.
 *
 * <pre>{@code
 * DockerfileFacts facts = DockerfileFacts.read(path);
 * facts.exposedPorts();   // [8080]
 * facts.user();           // "185"
 * }</pre>
 */
record DockerfileFacts(List<Integer> exposedPorts, String user, String from, String entrypoint) {

    static DockerfileFacts read(Path dockerfile) {
        List<String> lines;
        try {
            lines = Files.readAllLines(dockerfile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Integer> ports = new ArrayList<>();
        String user = null;
        String from = null;
        String entrypoint = null;
        for (String raw : lines) {
            String line = raw.strip();
            String upper = line.toUpperCase(java.util.Locale.ROOT);
            if (upper.startsWith("EXPOSE ")) {
                for (String port : line.substring(7).trim().split("\\s+")) {
                    ports.add(Integer.parseInt(port.replace("/tcp", "")));
                }
            } else if (upper.startsWith("USER ")) {
                user = line.substring(5).trim(); // the last USER wins, as in the build
            } else if (upper.startsWith("FROM ")) {
                from = line.substring(5).trim().split("\\s+")[0];
            } else if (upper.startsWith("ENTRYPOINT ")) {
                entrypoint = line.substring(11).trim();
            }
        }
        return new DockerfileFacts(List.copyOf(ports), user, from, entrypoint);
    }
}
