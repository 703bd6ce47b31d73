package dev.weft.lifecycle.artifacts;

import dev.weft.fabric.admin.chaincode.CcaasPackageBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The CouchDB index files of a chaincode: given in the spec, or read from {@code META-INF/statedb/couchdb/indexes/}
 * of the chaincode's jar (where the chaincode module keeps them as resources).
 *
 * <pre>{@code
 * Map<String, byte[]> indexes = CouchDbIndexes.fromJar(Path.of("chaincode-marbles/target/…-runner.jar"));
 * }</pre>
 */
public final class CouchDbIndexes {

    private CouchDbIndexes() {}

    /** The index files in the jar, by file name; empty when the jar has none or does not exist. */
    public static Map<String, byte[]> fromJar(Path jar) {
        if (jar == null || !Files.isRegularFile(jar)) {
            return Map.of();
        }
        Map<String, byte[]> indexes = new TreeMap<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : Collections.list(file.entries())) {
                String name = entry.getName();
                if (!entry.isDirectory()
                        && name.startsWith(CcaasPackageBuilder.COUCHDB_INDEX_FOLDER)
                        && name.endsWith(".json")
                        && name.indexOf('/', CcaasPackageBuilder.COUCHDB_INDEX_FOLDER.length()) < 0) {
                    try (var in = file.getInputStream(entry)) {
                        indexes.put(
                                name.substring(CcaasPackageBuilder.COUCHDB_INDEX_FOLDER.length()), in.readAllBytes());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read CouchDB indexes from " + jar, e);
        }
        return indexes;
    }

    /** The spec's index definitions as bytes. */
    public static Map<String, byte[]> fromSpec(Map<String, String> definitions) {
        Map<String, byte[]> indexes = new TreeMap<>();
        definitions.forEach((name, json) -> indexes.put(name, json.getBytes(StandardCharsets.UTF_8)));
        return indexes;
    }
}
