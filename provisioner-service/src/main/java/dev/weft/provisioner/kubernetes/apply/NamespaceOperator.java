package dev.weft.provisioner.kubernetes.apply;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.util.List;
import java.util.Map;

/** Applies and deletes Namespaces; cluster-scoped, so the namespace argument is ignored. */
public final class NamespaceOperator extends ResourceOperator<Namespace> {

    public NamespaceOperator(KubernetesClient client, ApplyMode mode) {
        super(client, mode);
    }

    @Override
    protected Resource<Namespace> resource(String namespace, String name) {
        return client.namespaces().withName(name);
    }

    @Override
    public List<Namespace> list(String namespace, Map<String, String> labels) {
        return client.namespaces().withLabels(labels).list().getItems();
    }
}
