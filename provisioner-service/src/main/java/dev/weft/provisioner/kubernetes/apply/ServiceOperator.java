package dev.weft.provisioner.kubernetes.apply;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.ServiceResource;

/** Applies and deletes Services. */
public final class ServiceOperator extends NamespacedOperator<Service> {

    public ServiceOperator(KubernetesClient client, ApplyMode mode) {
        super(client, mode);
    }

    @Override
    protected MixedOperation<Service, ServiceList, ServiceResource<Service>> operation() {
        return client.services();
    }
}
