package dev.weft.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The NetworkSpec the chart submits uses only fields the provisioner's spec records declare (they reject unknown
 * fields with a 400), read from the records' source so that a renamed field fails here first.
 */
class NetworkSpecValuesTest {

    private static final String SPEC_SOURCES = "provisioner-service/src/main/java/dev/weft/provisioner/spec/";

    /** Which record describes the objects under a field of a record. */
    private static final Map<String, String> NESTED = Map.of(
            "NetworkSpec.ordererOrg", "OrdererOrgSpec",
            "NetworkSpec.peerOrgs", "PeerOrgSpec",
            "NetworkSpec.channels", "ChannelSpec",
            "NetworkSpec.images", "ImagesSpec",
            "NetworkSpec.storage", "StorageSpec",
            "NetworkSpec.resources", "ResourcesSpec",
            "ResourcesSpec.orderer", "ResourceSpec",
            "ResourcesSpec.peer", "ResourceSpec",
            "ResourcesSpec.couchdb", "ResourceSpec",
            "ResourcesSpec.ca", "ResourceSpec");

    @ParameterizedTest(name = "values file {0}")
    @ValueSource(strings = {"values.yaml", "ci/external-kafka-values.yaml"})
    void submitted_spec_uses_only_declared_fields(String valuesFile) throws IOException {
        RenderedChart chart = ChartRenderer.chart().values(valuesFile).render();
        JsonNode spec = new ObjectMapper()
                .readTree(chart.get("ConfigMap", "weft-network")
                        .path("data")
                        .path("network.json")
                        .asText());

        check(spec, "NetworkSpec", "network.json");
    }

    private static void check(JsonNode node, String record, String path) {
        Set<String> components = components(record);
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String where = path + "." + field.getKey();
            assertThat(components)
                    .as("%s: %s declares no such field", where, record)
                    .contains(field.getKey());
            String nested = NESTED.get(record + "." + field.getKey());
            if (nested == null) {
                continue;
            }
            JsonNode value = field.getValue();
            List<JsonNode> objects = value.isArray() ? toList(value) : List.of(value);
            for (JsonNode object : objects) {
                check(object, nested, where);
            }
        }
    }

    private static Set<String> components(String record) {
        String source = RepositoryFiles.read(SPEC_SOURCES + record + ".java");
        Matcher m = Pattern.compile("public record " + record + "\\s*\\(([^)]*)\\)", Pattern.DOTALL)
                .matcher(source);
        if (!m.find()) {
            throw new AssertionError("no record " + record + " in " + SPEC_SOURCES);
        }
        Set<String> names = new TreeSet<>();
        // Generic types hold commas (Map<String, String>), so take the last word before each top-level comma.
        String params = m.group(1).replaceAll("<[^<>]*(<[^<>]*>[^<>]*)*>", "");
        Arrays.stream(params.split(","))
                .map(String::trim)
                .filter(p -> !p.isEmpty())
                .forEach(p -> names.add(p.substring(p.lastIndexOf(' ') + 1)));
        return names;
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> list = new java.util.ArrayList<>();
        array.forEach(list::add);
        return list;
    }
}
