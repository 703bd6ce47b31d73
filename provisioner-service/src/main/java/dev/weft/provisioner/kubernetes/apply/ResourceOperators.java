package dev.weft.provisioner.kubernetes.apply;

import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Every per-kind operator over one client, as public final fields: the composition root of the appliers.
 *
 * <pre>{@code
 * ResourceOperators ops = new ResourceOperators(client, ApplyMode.SERVER_SIDE_APPLY);
 * ops.statefulSets.get("marbles", "orderer0");
 * }</pre>
 */
public final class ResourceOperators {

    public final NamespaceOperator namespaces;
    public final SecretOperator secrets;
    public final ConfigMapOperator configMaps;
    public final PersistentVolumeClaimOperator persistentVolumeClaims;
    public final ServiceOperator services;
    public final StatefulSetOperator statefulSets;
    public final DeploymentOperator deployments;

    public ResourceOperators(KubernetesClient client, ApplyMode mode) {
        this.namespaces = new NamespaceOperator(client, mode);
        this.secrets = new SecretOperator(client, mode);
        this.configMaps = new ConfigMapOperator(client, mode);
        this.persistentVolumeClaims = new PersistentVolumeClaimOperator(client, mode);
        this.services = new ServiceOperator(client, mode);
        this.statefulSets = new StatefulSetOperator(client, mode);
        this.deployments = new DeploymentOperator(client, mode);
    }
}
