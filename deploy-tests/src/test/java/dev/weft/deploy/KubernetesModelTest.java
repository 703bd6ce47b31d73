package dev.weft.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every field the chart writes is a field of the Kubernetes API type it belongs to: each rendered object is read into
 * fabric8's typed model, whose classes keep unknown fields in {@code additionalProperties}, and none may be left
 * there. An offline stand-in for the server-side dry run ({@link ServerSideDryRunIT}), which needs a real API server.
 */
class KubernetesModelTest {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    @ParameterizedTest(name = "values file {0}")
    @ValueSource(strings = {"values.yaml", "ci/external-kafka-values.yaml", "ci/minimal-values.yaml"})
    void every_rendered_field_belongs_to_its_api_type(String valuesFile) {
        RenderedChart chart = ChartRenderer.chart().values(valuesFile).render();
        List<String> unknown = new ArrayList<>();

        for (JsonNode object : chart.objects()) {
            HasMetadata typed = SERIALIZATION.unmarshal(object.toString());
            if (typed instanceof GenericKubernetesResource) {
                // Not a built-in kind (the Prometheus Operator's ServiceMonitor): no typed model to check against.
                continue;
            }
            collectUnknown(typed, RenderedChart.id(object), unknown, new IdentityHashMap<>());
        }

        assertThat(unknown).as("fields unknown to the Kubernetes API types").isEmpty();
    }

    private static void collectUnknown(Object node, String path, List<String> unknown, Map<Object, Boolean> seen) {
        if (node == null || seen.put(node, Boolean.TRUE) != null) {
            return;
        }
        if (node instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                collectUnknown(item, path + "[" + i++ + "]", unknown, seen);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> collectUnknown(v, path + "." + k, unknown, seen));
            return;
        }
        if (!node.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0
                    || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get")
                    || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(node);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    unknown.add(path + ": " + extra.keySet());
                }
            } else {
                String field = Character.toLowerCase(getter.getName().charAt(3))
                        + getter.getName().substring(4);
                collectUnknown(value, path + "." + field, unknown, seen);
            }
        }
    }
}
