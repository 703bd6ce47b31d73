package dev.weft.provisioner.kubernetes.apply;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;

/** Applies and deletes ConfigMaps. */
public final class ConfigMapOperator extends NamespacedOperator<ConfigMap> {

    public ConfigMapOperator(KubernetesClient client, ApplyMode mode) {
        super(client, mode);
    }

    @Override
    protected MixedOperation<ConfigMap, ConfigMapList, Resource<ConfigMap>> operation() {
        return client.configMaps();
    }
}
