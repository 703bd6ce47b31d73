package dev.weft.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The objects of one {@code helm template} run, parsed from its multi-document YAML.
 *
 * <pre>{@code
 * RenderedChart chart = RenderedChart.parse(yaml);
 * JsonNode deployment = chart.get("Deployment", "weft-gateway");
 * chart.kinds();   // ["ConfigMap", "Deployment", ...] in document order
 * }</pre>
 */
public final class RenderedChart {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final String yaml;
    private final List<JsonNode> objects;

    private RenderedChart(String yaml, List<JsonNode> objects) {
        this.yaml = yaml;
        this.objects = List.copyOf(objects);
    }

    /** Parses every non-empty document. */
    public static RenderedChart parse(String yaml) {
        List<JsonNode> objects = new ArrayList<>();
        try (YAMLParser parser = (YAMLParser) YAML.getFactory().createParser(yaml)) {
            for (JsonNode doc : YAML.readValues(parser, JsonNode.class).readAll()) {
                if (doc != null && doc.isObject() && doc.size() > 0) {
                    objects.add(doc);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("helm template output is not YAML", e);
        }
        return new RenderedChart(yaml, objects);
    }

    /** The raw output. */
    public String yaml() {
        return yaml;
    }

    /** Every object, in document order. */
    public List<JsonNode> objects() {
        return objects;
    }

    /** {@code Kind/name} of every object, in document order. */
    public List<String> ids() {
        return objects.stream().map(RenderedChart::id).toList();
    }

    /** The object of that kind and name. */
    public JsonNode get(String kind, String name) {
        return find(kind, name)
                .orElseThrow(() -> new NoSuchElementException("no " + kind + "/" + name + " among " + ids()));
    }

    /** The object of that kind and name, if rendered. */
    public Optional<JsonNode> find(String kind, String name) {
        return objects.stream()
                .filter(o -> kind.equals(o.path("kind").asText())
                        && name.equals(o.path("metadata").path("name").asText()))
                .findFirst();
    }

    /** Every object of a kind. */
    public List<JsonNode> ofKind(String kind) {
        return objects.stream()
                .filter(o -> kind.equals(o.path("kind").asText()))
                .toList();
    }

    /** A copy of an object as a mutable tree. */
    public static ObjectNode copy(JsonNode object) {
        return (ObjectNode) object.deepCopy();
    }

    static String id(JsonNode o) {
        return o.path("kind").asText() + "/" + o.path("metadata").path("name").asText();
    }
}
