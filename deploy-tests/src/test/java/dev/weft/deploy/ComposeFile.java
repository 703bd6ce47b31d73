package dev.weft.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * {@code docker-compose-dev/compose.yaml}, parsed.
 *
 * <pre>{@code
 * ComposeFile compose = ComposeFile.load();
 * compose.environment("gateway").get("KAFKA_BOOTSTRAP_SERVERS");   // "kafka:9092"
 * compose.containerPorts("gateway");                               // [8080]
 * }</pre>
 */
final class ComposeFile {

    static final Path FOLDER = RepositoryFiles.path("docker-compose-dev");

    private final JsonNode root;

    private ComposeFile(JsonNode root) {
        this.root = root;
    }

    static ComposeFile load() {
        try {
            return new ComposeFile(new ObjectMapper(new YAMLFactory())
                    .readTree(FOLDER.resolve("compose.yaml").toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> serviceNames() {
        List<String> names = new ArrayList<>();
        root.path("services").fieldNames().forEachRemaining(names::add);
        return names;
    }

    JsonNode service(String name) {
        JsonNode service = root.path("services").path(name);
        if (service.isMissingNode()) {
            throw new NoSuchElementException("no service " + name + " in compose.yaml");
        }
        return service;
    }

    List<String> declaredVolumes() {
        List<String> names = new ArrayList<>();
        root.path("volumes").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The service's environment as a map (compose allows a map or a list of {@code K=V}). */
    Map<String, String> environment(String name) {
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode node = service(name).path("environment");
        if (node.isArray()) {
            node.forEach(e -> {
                String[] kv = e.asText().split("=", 2);
                env.put(kv[0], kv.length > 1 ? kv[1] : "");
            });
        } else {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                env.put(e.getKey(), e.getValue().asText());
            }
        }
        return env;
    }

    /** The container side of each {@code ports} entry ({@code "8081:8080"} → 8080). */
    List<Integer> containerPorts(String name) {
        List<Integer> ports = new ArrayList<>();
        service(name).path("ports").forEach(p -> {
            String[] parts = p.asText().split(":");
            ports.add(Integer.parseInt(parts[parts.length - 1].replace("/tcp", "")));
        });
        return ports;
    }

    /** {@code source:target[:mode]} volume entries, as [source, target]. */
    List<String[]> volumes(String name) {
        List<String[]> mounts = new ArrayList<>();
        service(name).path("volumes").forEach(v -> {
            String[] parts = v.asText().split(":");
            mounts.add(new String[] {parts[0], parts[1]});
        });
        return mounts;
    }

    /** The names of the services this one depends on, with their conditions. */
    Map<String, String> dependsOn(String name) {
        Map<String, String> deps = new LinkedHashMap<>();
        JsonNode node = service(name).path("depends_on");
        if (node.isArray()) {
            node.forEach(d -> deps.put(d.asText(), "service_started"));
        } else {
            node.fieldNames()
                    .forEachRemaining(
                            d -> deps.put(d, node.path(d).path("condition").asText("service_started")));
        }
        return deps;
    }

    /** The network aliases of a service on the default network, plus its own name. */
    List<String> hostNames(String name) {
        List<String> names = new ArrayList<>(List.of(name));
        service(name).path("networks").path("default").path("aliases").forEach(a -> names.add(a.asText()));
        return names;
    }
}
