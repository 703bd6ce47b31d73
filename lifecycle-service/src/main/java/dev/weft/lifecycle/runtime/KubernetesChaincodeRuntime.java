package dev.weft.lifecycle.runtime;

import dev.weft.lifecycle.model.ChaincodeResources;
import dev.weft.lifecycle.model.ChaincodeServerModel;
import dev.weft.lifecycle.model.ModelLabels;
import dev.weft.lifecycle.spec.ChaincodeSpec;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Chaincode servers as Kubernetes Deployments, applied with server-side apply from {@link ChaincodeServerModel}.
 * The Service {@code chaincode-<name>-<org>} is created with the first package and re-pointed at a new package's
 * pods only in {@link #retire}, after the new definition is committed.
 */
public final class KubernetesChaincodeRuntime implements ChaincodeRuntime {

    private static final String FIELD_MANAGER = "weft-lifecycle-service";

    private final KubernetesClient client;

    public KubernetesChaincodeRuntime(KubernetesClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public String name() {
        return "kubernetes";
    }

    @Override
    public String address(ChaincodeSpec spec, String mspId, String namespace, Optional<String> reserved) {
        return ChaincodeResources.kubernetesAddress(spec.name(), mspId, namespace);
    }

    @Override
    public List<String> extraSans() {
        return List.of();
    }

    @Override
    public boolean start(ServerLaunch launch) {
        ChaincodeServerModel model = model(launch);
        Secret secret = model.generateTlsSecret(launch.tls());
        if (secret != null) {
            apply(secret);
        }
        boolean existed = client.apps()
                        .deployments()
                        .inNamespace(launch.namespace())
                        .withName(ChaincodeResources.deploymentName(
                                launch.spec().name(), launch.mspId(), launch.packageId()))
                        .get()
                != null;
        apply(model.generateDeployment());
        String service = ChaincodeResources.serverName(launch.spec().name(), launch.mspId());
        if (client.services().inNamespace(launch.namespace()).withName(service).get() == null) {
            apply(model.generateService());
        }
        return !existed;
    }

    @Override
    public boolean isRunning(ServerLaunch launch) {
        Deployment deployment = client.apps()
                .deployments()
                .inNamespace(launch.namespace())
                .withName(ChaincodeResources.deploymentName(launch.spec().name(), launch.mspId(), launch.packageId()))
                .get();
        return deployment != null
                && deployment.getStatus() != null
                && deployment.getStatus().getReadyReplicas() != null
                && deployment.getStatus().getReadyReplicas() > 0;
    }

    @Override
    public void awaitAccepting(ServerLaunch launch, Duration timeout) {
        // The readiness probe is a TCP check of the chaincode port: a ready replica accepts connections.
        Instant deadline = Instant.now().plus(timeout);
        while (!isRunning(launch)) {
            if (Instant.now().isAfter(deadline)) {
                throw new ServerStartException("no ready replica of Deployment "
                        + ChaincodeResources.deploymentName(launch.spec().name(), launch.mspId(), launch.packageId())
                        + " after " + timeout + "; check its pods' events and logs");
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServerStartException("interrupted", e);
            }
        }
    }

    @Override
    public void retire(String chaincode, String mspId, ServerLaunch keep) {
        apply(model(keep).generateService());
        String keepName = ChaincodeResources.deploymentName(chaincode, mspId, keep.packageId());
        client
                .apps()
                .deployments()
                .inNamespace(keep.namespace())
                .withLabel("app.kubernetes.io/instance", ChaincodeResources.serverName(chaincode, mspId))
                .list()
                .getItems()
                .stream()
                .filter(deployment -> !deployment.getMetadata().getName().equals(keepName))
                .forEach(deployment -> client.resource(deployment).delete());
    }

    @Override
    public void stopAll(String chaincode, String namespace) {
        String in = namespace != null ? namespace : client.getNamespace();
        client.apps()
                .deployments()
                .inNamespace(in)
                .withLabel(ModelLabels.CHAINCODE, chaincode)
                .list()
                .getItems()
                .forEach(deployment -> client.resource(deployment).delete());
        client.services()
                .inNamespace(in)
                .withLabel(ModelLabels.CHAINCODE, chaincode)
                .list()
                .getItems()
                .forEach(service -> client.resource(service).delete());
    }

    private static ChaincodeServerModel model(ServerLaunch launch) {
        return ChaincodeServerModel.fromSpec(launch.spec(), launch.mspId(), launch.namespace(), launch.packageId());
    }

    private void apply(HasMetadata resource) {
        client.resource(resource).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
    }
}
