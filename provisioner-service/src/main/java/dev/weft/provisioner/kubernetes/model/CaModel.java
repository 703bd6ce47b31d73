package dev.weft.provisioner.kubernetes.model;

import static dev.weft.provisioner.kubernetes.model.Workloads.env;

import dev.weft.provisioner.spec.FabricNode;
import dev.weft.provisioner.spec.FabricPorts;
import dev.weft.provisioner.spec.NetworkNaming;
import dev.weft.provisioner.spec.NetworkSpec;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One org's Fabric CA: a Secret with the org's CA certificate and key and the registrar's credentials, a PVC for the
 * CA's database, a Service and a single-replica Deployment ({@code Recreate}: the PVC is ReadWriteOnce).
 *
 * <p>The server is bootstrapped with the org's existing signing CA, so every certificate it issues is trusted by the
 * channel's MSP definitions. With TLS on, the server makes its own TLS certificate for the host names in
 * {@code FABRIC_CA_SERVER_CSR_HOSTS}, signed by that CA.
 */
public final class CaModel {

    static final String HOME = "/var/hyperledger/fabric-ca";
    static final String CRYPTO = "/var/hyperledger/fabric-ca-crypto";

    private final NetworkSpec spec;
    private final NetworkNaming naming;
    private final FabricNode node;
    private final CaBootstrap bootstrap;
    private final Map<String, String> labels;

    private CaModel(NetworkNaming naming, FabricNode node, CaBootstrap bootstrap) {
        this.spec = naming.spec();
        this.naming = naming;
        this.node = node;
        this.bootstrap = bootstrap;
        this.labels = ModelLabels.node(spec.name(), node);
    }

    /** The model of one CA of the network. */
    public static CaModel of(NetworkNaming naming, FabricNode ca, NetworkMaterial material) {
        if (ca.kind() != FabricNode.Kind.CA) {
            throw new IllegalArgumentException(ca + " is not a CA");
        }
        return new CaModel(naming, ca, material.ca(ca));
    }

    /** The node. */
    public FabricNode node() {
        return node;
    }

    private Map<String, byte[]> cryptoFiles() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("ca-cert.pem", bootstrap.certificatePem());
        files.put("ca-key.pem", bootstrap.privateKeyPem());
        return files;
    }

    /** {@code <org>-ca-crypto}: {@code ca-cert.pem}, {@code ca-key.pem}, {@code admin-user}, {@code admin-password}. */
    public Secret generateSecret() {
        Map<String, byte[]> data = cryptoFiles();
        data.put("admin-user", bootstrap.adminUser().getBytes(StandardCharsets.UTF_8));
        data.put("admin-password", bootstrap.adminPassword().getBytes(StandardCharsets.UTF_8));
        return CryptoSecrets.secret(naming.caSecretName(node), naming.namespace(), labels, data);
    }

    /** {@code <org>-ca-data}: the CA's home folder (database, issued-certificate records). */
    public PersistentVolumeClaim generateDataClaim() {
        return Workloads.claim(naming.caDataClaimName(node), naming.namespace(), labels, spec.storage());
    }

    /** The Service whose DNS name is the CA's host name. */
    public Service generateService() {
        return Workloads.service(node.name(), naming.namespace(), labels, ModelLabels.selector(node), ports());
    }

    private static List<ContainerPort> ports() {
        return List.of(Workloads.port("ca", FabricPorts.CA), Workloads.operationsPort());
    }

    /** One replica of {@code fabric-ca-server start}. */
    public Deployment generateDeployment() {
        String secret = naming.caSecretName(node);
        return new DeploymentBuilder()
                .withNewMetadata()
                .withName(node.name())
                .withNamespace(naming.namespace())
                .withLabels(labels)
                .endMetadata()
                .withNewSpec()
                .withReplicas(1)
                .withNewStrategy()
                .withType("Recreate")
                .endStrategy()
                .withNewSelector()
                .withMatchLabels(ModelLabels.selector(node))
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .withLabels(labels)
                .endMetadata()
                .withNewSpec()
                .withEnableServiceLinks(false)
                .withAutomountServiceAccountToken(false)
                .withSecurityContext(Workloads.podSecurityContext())
                .withContainers(new ContainerBuilder()
                        .withName("ca")
                        .withImage(spec.images().ca())
                        // $(VAR) is expanded by the kubelet: no shell, and the password stays out of the pod spec.
                        .withCommand("fabric-ca-server", "start", "-b", "$(CA_ADMIN_USER):$(CA_ADMIN_PASSWORD)")
                        .withEnv(containerEnv(secret))
                        .withPorts(ports())
                        .withReadinessProbe(Workloads.healthz(5, 3))
                        .withLivenessProbe(Workloads.healthz(30, 6))
                        .withResources(Workloads.requests(spec.resources().ca()))
                        .withSecurityContext(Workloads.containerSecurityContext(true))
                        .withVolumeMounts(
                                Workloads.mount("crypto", CRYPTO, true),
                                Workloads.mount(Workloads.DATA, HOME, false),
                                Workloads.mount("tmp", "/tmp", false))
                        .build())
                .withVolumes(
                        CryptoSecrets.volume("crypto", secret, cryptoFiles()),
                        new VolumeBuilder()
                                .withName(Workloads.DATA)
                                .withNewPersistentVolumeClaim()
                                .withClaimName(naming.caDataClaimName(node))
                                .endPersistentVolumeClaim()
                                .build(),
                        Workloads.emptyDir("tmp"))
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
    }

    private List<EnvVar> containerEnv(String secret) {
        List<EnvVar> env = new ArrayList<>();
        env.add(env("FABRIC_CA_HOME", HOME));
        env.add(env("FABRIC_CA_SERVER_HOME", HOME));
        env.add(env("FABRIC_CA_SERVER_CA_NAME", node.name()));
        env.add(env("FABRIC_CA_SERVER_CA_CERTFILE", CRYPTO + "/ca-cert.pem"));
        env.add(env("FABRIC_CA_SERVER_CA_KEYFILE", CRYPTO + "/ca-key.pem"));
        env.add(env("FABRIC_CA_SERVER_PORT", String.valueOf(FabricPorts.CA)));
        env.add(env("FABRIC_CA_SERVER_TLS_ENABLED", String.valueOf(spec.tls())));
        env.add(env("FABRIC_CA_SERVER_CSR_HOSTS", String.join(",", naming.hostNames(node))));
        env.add(env("FABRIC_CA_SERVER_OPERATIONS_LISTENADDRESS", "0.0.0.0:" + FabricPorts.OPERATIONS));
        env.add(env("FABRIC_CA_SERVER_METRICS_PROVIDER", "prometheus"));
        env.add(Workloads.envFromSecret("CA_ADMIN_USER", secret, "admin-user"));
        env.add(Workloads.envFromSecret("CA_ADMIN_PASSWORD", secret, "admin-password"));
        return env;
    }
}
