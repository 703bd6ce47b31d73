package dev.weft.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * When {@code WEFT_TEST_KUBECONFIG} names a kubeconfig, every rendered object is sent to that API server as a
 * server-side dry run: the server validates it against its own OpenAPI schema (and admission), stores nothing.
 * Only the namespaces the renders use are created for real. Kinds the server does not serve (the ServiceMonitor
 * without the Prometheus Operator's CRD) are reported and skipped.
 */
class ServerSideDryRunIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "values file {0}")
    @ValueSource(strings = {"values.yaml", "ci/external-kafka-values.yaml", "ci/minimal-values.yaml"})
    void api_server_accepts_every_rendered_object(String valuesFile) throws IOException {
        String kubeconfig = System.getenv("WEFT_TEST_KUBECONFIG");
        assumeTrue(
                kubeconfig != null && !kubeconfig.isBlank(),
                "WEFT_TEST_KUBECONFIG is not set: the server-side dry run needs a real Kubernetes API server");
        RenderedChart chart = ChartRenderer.chart().values(valuesFile).render();

        Config config = Config.fromKubeconfig(Files.readString(Path.of(kubeconfig)));
        try (KubernetesClient client =
                new KubernetesClientBuilder().withConfig(config).build()) {
            List<String> rejected = new ArrayList<>();
            for (JsonNode object : chart.objects()) {
                ensureNamespace(
                        client, object.path("metadata").path("namespace").asText(""));
                GenericKubernetesResource resource = JSON.treeToValue(object, GenericKubernetesResource.class);
                if (!served(client, resource)) {
                    System.out.println("[dry-run] skipped " + RenderedChart.id(object) + ": " + resource.getApiVersion()
                            + " is not served");
                    continue;
                }
                try {
                    client.resource(resource).dryRun().create();
                } catch (KubernetesClientException e) {
                    if (e.getCode() != 409) { // already exists from an earlier run: validated all the same
                        rejected.add(RenderedChart.id(object) + ": " + e.getMessage());
                    }
                }
            }
            assertThat(rejected).as("objects the API server rejected").isEmpty();
        }
    }

    private static void ensureNamespace(KubernetesClient client, String namespace) {
        if (!namespace.isEmpty() && client.namespaces().withName(namespace).get() == null) {
            client.resource(new NamespaceBuilder()
                            .withNewMetadata()
                            .withName(namespace)
                            .endMetadata()
                            .build())
                    .create();
        }
    }

    private static boolean served(KubernetesClient client, GenericKubernetesResource resource) {
        try {
            return client.getApiResources(resource.getApiVersion()).getResources().stream()
                    .anyMatch(r -> resource.getKind().equals(r.getKind()));
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                return false;
            }
            throw e;
        }
    }
}
