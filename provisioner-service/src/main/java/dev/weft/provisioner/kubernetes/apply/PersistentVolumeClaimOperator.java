package dev.weft.provisioner.kubernetes.apply;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;

/** Applies and deletes PersistentVolumeClaims. */
public final class PersistentVolumeClaimOperator extends NamespacedOperator<PersistentVolumeClaim> {

    public PersistentVolumeClaimOperator(KubernetesClient client, ApplyMode mode) {
        super(client, mode);
    }

    @Override
    protected MixedOperation<PersistentVolumeClaim, PersistentVolumeClaimList, Resource<PersistentVolumeClaim>>
            operation() {
        return client.persistentVolumeClaims();
    }
}
