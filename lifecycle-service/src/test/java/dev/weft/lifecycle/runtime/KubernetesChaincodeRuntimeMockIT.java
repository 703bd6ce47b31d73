package dev.weft.lifecycle.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.lifecycle.model.ModelLabels;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stopping a chaincode's servers against fabric8's mock API server in CRUD mode. */
@EnableKubernetesMockClient(crud = true)
class KubernetesChaincodeRuntimeMockIT {

    static KubernetesClient client;

    @Test
    void stopping_a_chaincode_deletes_its_servers_in_the_networks_namespace_only() {
        create("org-a", "marbles", "chaincode-marbles-org1");
        create("org-b", "marbles", "chaincode-marbles-org1");
        create("org-a", "other", "chaincode-other-org1");

        new KubernetesChaincodeRuntime(client).stopAll("marbles", "org-a");

        assertThat(deployments("org-a")).containsExactly("chaincode-other-org1");
        assertThat(services("org-a")).containsExactly("chaincode-other-org1");
        assertThat(deployments("org-b")).containsExactly("chaincode-marbles-org1");
        assertThat(services("org-b")).containsExactly("chaincode-marbles-org1");
    }

    @Test
    void without_a_known_namespace_it_stops_servers_in_the_clients_own() {
        String own = client.getNamespace();
        create(own, "marbles", "chaincode-marbles-org2");
        create("elsewhere", "marbles", "chaincode-marbles-org2");

        new KubernetesChaincodeRuntime(client).stopAll("marbles", null);

        assertThat(deployments(own)).doesNotContain("chaincode-marbles-org2");
        assertThat(deployments("elsewhere")).containsExactly("chaincode-marbles-org2");
    }

    private static void create(String namespace, String chaincode, String name) {
        client.apps()
                .deployments()
                .inNamespace(namespace)
                .resource(new DeploymentBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .addToLabels(ModelLabels.CHAINCODE, chaincode)
                        .endMetadata()
                        .build())
                .create();
        client.services()
                .inNamespace(namespace)
                .resource(new ServiceBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .addToLabels(ModelLabels.CHAINCODE, chaincode)
                        .endMetadata()
                        .build())
                .create();
    }

    private static List<String> deployments(String namespace) {
        return names(client.apps().deployments().inNamespace(namespace).list().getItems());
    }

    private static List<String> services(String namespace) {
        return names(client.services().inNamespace(namespace).list().getItems());
    }

    private static List<String> names(List<? extends HasMetadata> items) {
        return items.stream().map(item -> item.getMetadata().getName()).toList();
    }
}
