package dev.weft.provisioner.kubernetes.apply;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;

/** Applies and deletes Secrets. */
public final class SecretOperator extends NamespacedOperator<Secret> {

    public SecretOperator(KubernetesClient client, ApplyMode mode) {
        super(client, mode);
    }

    @Override
    protected MixedOperation<Secret, SecretList, Resource<Secret>> operation() {
        return client.secrets();
    }
}
