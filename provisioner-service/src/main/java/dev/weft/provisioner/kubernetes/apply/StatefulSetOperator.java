package dev.weft.provisioner.kubernetes.apply;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.RollableScalableResource;

/** Applies and deletes StatefulSets. */
public final class StatefulSetOperator extends NamespacedOperator<StatefulSet> {

    public StatefulSetOperator(KubernetesClient client, ApplyMode mode) {
        super(client, mode);
    }

    @Override
    protected MixedOperation<StatefulSet, StatefulSetList, RollableScalableResource<StatefulSet>> operation() {
        return client.apps().statefulSets();
    }
}
