package dev.weft.provisioner.kubernetes.apply;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;

/**
 * The runtime against fabric8's mock API server in CRUD mode. The mock answers server-side apply with 415, so
 * writes here use {@link ApplyMode#CREATE_OR_MERGE_PATCH}; {@code KubernetesRuntimeRealApiIT} covers server-side
 * apply.
 */
@EnableKubernetesMockClient(crud = true)
class KubernetesRuntimeMockIT extends KubernetesRuntimeContract {

    static KubernetesClient client;

    @Override
    KubernetesClient client() {
        return client;
    }

    @Override
    ApplyMode mode() {
        return ApplyMode.CREATE_OR_MERGE_PATCH;
    }
}
