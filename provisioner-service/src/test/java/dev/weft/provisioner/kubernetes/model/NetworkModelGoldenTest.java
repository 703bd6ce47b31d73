package dev.weft.provisioner.kubernetes.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.weft.provisioner.spec.NetworkSpec;
import dev.weft.provisioner.spec.NetworkSpecs;
import dev.weft.provisioner.spec.SpecValidator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden-file tests of the whole model: for each scenario folder under {@code src/test/resources/golden/} the spec
 * {@code in-NetworkSpec.yaml} must produce exactly the objects stored as {@code out-<Kind>-<name>.yaml}, one file per
 * object, byte for byte.
 *
 * <p>After an intended change, rewrite the files and review the diff before committing:
 *
 * <pre>{@code
 * ./mvnw -pl provisioner-service test -Dtest=NetworkModelGoldenTest -Dweft.golden.update=true
 * git diff provisioner-service/src/test/resources/golden
 * }</pre>
 */
class NetworkModelGoldenTest {

    /** Source folder of the scenarios; Maven runs tests from the module folder. */
    private static final Path GOLDEN = Paths.get("src", "test", "resources", "golden");

    private static final boolean UPDATE =
            Boolean.getBoolean("weft.golden.update") || "true".equalsIgnoreCase(System.getenv("WEFT_GOLDEN_UPDATE"));

    /** Stable YAML: fabric8's property order, map entries sorted, no nulls, long lines kept whole. */
    static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                    .disable(YAMLGenerator.Feature.SPLIT_LINES)
                    .build())
            .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    @TestFactory
    Stream<DynamicNode> every_object_matches_its_golden_file() throws IOException {
        try (Stream<Path> dirs = Files.list(GOLDEN)) {
            List<Path> scenarios = dirs.filter(Files::isDirectory).sorted().toList();
            assertThat(scenarios).extracting(p -> p.getFileName().toString()).contains("walkthrough");
            return scenarios.stream().map(NetworkModelGoldenTest::scenario).toList().stream();
        }
    }

    private static DynamicNode scenario(Path dir) {
        NetworkModel model = model(dir);
        Map<String, String> actual = new LinkedHashMap<>();
        model.resources().forEach(o -> actual.put(fileName(o), yaml(o)));
        if (UPDATE) {
            rewrite(dir, actual);
        }
        List<DynamicNode> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest(
                "the set of objects",
                () -> assertThat(outFiles(dir))
                        .as("golden files of %s", dir)
                        .containsExactlyInAnyOrderElementsOf(actual.keySet())));
        actual.forEach((file, yaml) -> tests.add(DynamicTest.dynamicTest(
                file,
                () -> assertThat(yaml).as("%s/%s", dir.getFileName(), file).isEqualTo(read(dir.resolve(file))))));
        return DynamicContainer.dynamicContainer(dir.getFileName().toString(), tests);
    }

    static NetworkModel model(Path dir) {
        try {
            NetworkSpec spec = NetworkSpecs.parse(read(dir.resolve("in-NetworkSpec.yaml")));
            assertThat(SpecValidator.validate(spec)).as("problems of %s", dir).isEmpty();
            return NetworkModel.from(spec, new FakeMaterial());
        } catch (Exception e) {
            throw new AssertionError("scenario " + dir + " does not load", e);
        }
    }

    static String fileName(HasMetadata object) {
        return "out-" + object.getKind() + "-" + object.getMetadata().getName() + ".yaml";
    }

    static String yaml(HasMetadata object) {
        try {
            return YAML.writeValueAsString(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TreeSet<String> outFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("out-"))
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }

    private static void rewrite(Path dir, Map<String, String> actual) {
        try {
            for (String stale : outFiles(dir)) {
                if (!actual.containsKey(stale)) {
                    Files.delete(dir.resolve(stale));
                }
            }
            for (Map.Entry<String, String> e : actual.entrySet()) {
                Files.writeString(dir.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "<missing " + file + ">";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
