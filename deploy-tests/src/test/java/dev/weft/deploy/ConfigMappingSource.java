package dev.weft.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The settings a service declares in its {@code @ConfigMapping} interface, read from the source so that the chart
 * and the compose file are checked against what the service really reads, without starting it.
 *
 * <pre>{@code
 * ConfigMappingSource gateway = ConfigMappingSource.forPrefix("weft.gateway");
 * gateway.hasKey("weft.gateway.peers[0].tls-ca-cert");      // true: peers() and tlsCaCert() exist
 * gateway.hasEnv("WEFT_GATEWAY_EVENTS_CHECKPOINT_FILE");    // true
 * }</pre>
 */
final class ConfigMappingSource {

    private static final List<String> MODULES =
            List.of("provisioner-service", "lifecycle-service", "gateway-api", "service-common");
    private static final Pattern ACCESSOR = Pattern.compile("\\b([a-z][A-Za-z0-9]*)\\(\\)\\s*;");

    private final String prefix;
    private final Path file;
    private final Set<String> accessors;

    private ConfigMappingSource(String prefix, Path file, Set<String> accessors) {
        this.prefix = prefix;
        this.file = file;
        this.accessors = accessors;
    }

    /** The interface annotated {@code @ConfigMapping(prefix = "<prefix>")} in one of the service modules. */
    static ConfigMappingSource forPrefix(String prefix) {
        String annotation = "@ConfigMapping(prefix = \"" + prefix + "\")";
        for (String module : MODULES) {
            Path sources = RepositoryFiles.path(module + "/src/main/java");
            if (!Files.isDirectory(sources)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path candidate :
                        files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String text = Files.readString(candidate);
                    if (text.contains(annotation)) {
                        return new ConfigMappingSource(prefix, candidate, accessors(text));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new AssertionError("no " + annotation + " in " + MODULES);
    }

    /** The source file. */
    Path file() {
        return file;
    }

    /**
     * Whether every segment of the key after the prefix names an accessor: {@code timeouts.nodes-ready} needs
     * {@code timeouts()} and {@code nodesReady()}; list indices are ignored.
     */
    boolean hasKey(String key) {
        if (!key.startsWith(prefix + ".")) {
            return false;
        }
        String rest = key.substring(prefix.length() + 1).replaceAll("\\[[0-9]+]", "");
        for (String segment : rest.split("\\.")) {
            if (!accessors.contains(camel(segment))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether an environment variable maps onto accessors the way Quarkus maps them: {@code weft.gateway.peers[0]
     * .address} is {@code WEFT_GATEWAY_PEERS_0__ADDRESS}.
     */
    boolean hasEnv(String env) {
        String envPrefix = prefix.toUpperCase(Locale.ROOT).replace('.', '_') + "_";
        if (!env.startsWith(envPrefix)) {
            return false;
        }
        Set<String> tokens = new TreeSet<>();
        accessors.forEach(a -> tokens.add(envForm(a)));
        return decomposes(env.substring(envPrefix.length()), tokens);
    }

    private static boolean decomposes(String rest, Set<String> tokens) {
        if (rest.isEmpty()) {
            return true;
        }
        Matcher index = Pattern.compile("^[0-9]+__").matcher(rest);
        if (index.find()) {
            return decomposes(rest.substring(index.end()), tokens);
        }
        for (String token : tokens) {
            if (rest.equals(token)) {
                return true;
            }
            if (rest.startsWith(token + "_") && decomposes(rest.substring(token.length() + 1), tokens)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> accessors(String source) {
        Set<String> names = new TreeSet<>();
        Matcher m = ACCESSOR.matcher(source);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static String camel(String kebab) {
        StringBuilder sb = new StringBuilder();
        boolean upper = false;
        for (char c : kebab.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                sb.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return sb.toString();
    }

    private static String envForm(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }
}
