package dev.weft.provisioner.kubernetes.apply;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.util.List;
import java.util.Map;

/**
 * A {@link ResourceOperator} for a namespaced kind; subclasses only name the client operation.
 *
 * @param <T> the kind
 */
public abstract class NamespacedOperator<T extends HasMetadata> extends ResourceOperator<T> {

    protected NamespacedOperator(KubernetesClient client, ApplyMode mode) {
        super(client, mode);
    }

    /** The client's operation for the kind, e.g. {@code client.secrets()}. */
    protected abstract MixedOperation<T, ? extends KubernetesResourceList<T>, ? extends Resource<T>> operation();

    @Override
    protected Resource<T> resource(String namespace, String name) {
        return operation().inNamespace(namespace).withName(name);
    }

    @Override
    public List<T> list(String namespace, Map<String, String> labels) {
        return operation().inNamespace(namespace).withLabels(labels).list().getItems();
    }
}
