package dev.weft.lifecycle.model;

import dev.weft.lifecycle.spec.ChaincodeSpec;
import dev.weft.lifecycle.spec.TlsMode;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The Kubernetes objects of one organization's chaincode server for one package, built from the spec without I/O:
 * a Deployment running the image with the package id, the Service at {@code chaincode-<name>-<org>:7052} that the
 * package's {@code connection.json} names, and the TLS Secret the Deployment mounts.
 *
 * <p>The Service selects pods by package hash. During an upgrade the new package's Deployment starts next to the
 * old one, and the Service is switched to it only when the new definition is committed, so the committed
 * definition is served throughout.
 *
 * <pre>{@code
 * ChaincodeServerModel model = ChaincodeServerModel.fromSpec(spec, "Org1MSP", "net1", packageId);
 * Deployment deployment = model.generateDeployment();
 * Service service = model.generateService();
 * Secret secret = model.generateTlsSecret(tls);   // null with tls: none
 * }</pre>
 */
public final class ChaincodeServerModel {

    /** Where the TLS Secret is mounted in the container. */
    public static final String TLS_MOUNT = "/etc/weft/chaincode-tls";

    private final String chaincode;
    private final String mspId;
    private final String namespace;
    private final String packageId;
    private final String image;
    private final TlsMode tls;
    private final int replicas;
    private final Map<String, Map<String, String>> resources;

    private ChaincodeServerModel(ChaincodeSpec spec, String mspId, String namespace, String packageId) {
        this.chaincode = spec.name();
        this.mspId = Objects.requireNonNull(mspId, "mspId");
        this.namespace = Objects.requireNonNull(namespace, "namespace");
        this.packageId = Objects.requireNonNull(packageId, "packageId");
        this.image = Objects.requireNonNull(spec.server().image(), "server.image is required on Kubernetes");
        this.tls = spec.tls();
        this.replicas = spec.replicas();
        this.resources = spec.resources();
    }

    /** The model of {@code mspId}'s server for {@code packageId}; {@code spec} must have its defaults applied. */
    public static ChaincodeServerModel fromSpec(ChaincodeSpec spec, String mspId, String namespace, String packageId) {
        return new ChaincodeServerModel(spec, mspId, namespace, packageId);
    }

    /** The Deployment serving the package. */
    public Deployment generateDeployment() {
        Map<String, String> labels = new LinkedHashMap<>(ModelLabels.common(chaincode, mspId));
        labels.putAll(ModelLabels.selector(chaincode, mspId, packageId));
        ContainerBuilder container = new ContainerBuilder()
                .withName("chaincode")
                .withImage(image)
                .withEnv(environment())
                .addNewPort()
                .withName("chaincode")
                .withContainerPort(ChaincodeResources.CHAINCODE_PORT)
                .endPort()
                .withReadinessProbe(tcpProbe(2, 5))
                .withLivenessProbe(tcpProbe(20, 20))
                .withResources(resourceRequirements())
                .withNewSecurityContext()
                .withRunAsNonRoot(true)
                .withAllowPrivilegeEscalation(false)
                .withReadOnlyRootFilesystem(true)
                .withNewCapabilities()
                .withDrop("ALL")
                .endCapabilities()
                .endSecurityContext();
        if (tls != TlsMode.NONE) {
            container
                    .addNewVolumeMount()
                    .withName("tls")
                    .withMountPath(TLS_MOUNT)
                    .withReadOnly(true)
                    .endVolumeMount();
        }
        DeploymentBuilder builder = new DeploymentBuilder()
                .withNewMetadata()
                .withName(ChaincodeResources.deploymentName(chaincode, mspId, packageId))
                .withNamespace(namespace)
                .withLabels(labels)
                .addToAnnotations("weft.dev/package-id", packageId)
                .endMetadata()
                .withNewSpec()
                .withReplicas(replicas)
                .withNewSelector()
                .withMatchLabels(ModelLabels.selector(chaincode, mspId, packageId))
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .withLabels(labels)
                .endMetadata()
                .withNewSpec()
                .withAutomountServiceAccountToken(false)
                .withNewSecurityContext()
                .withRunAsNonRoot(true)
                .withRunAsUser(1000L)
                .withNewSeccompProfile()
                .withType("RuntimeDefault")
                .endSeccompProfile()
                .endSecurityContext()
                .withContainers(container.build())
                .endSpec()
                .endTemplate()
                .endSpec();
        if (tls != TlsMode.NONE) {
            builder.editSpec()
                    .editTemplate()
                    .editSpec()
                    .addNewVolume()
                    .withName("tls")
                    .withNewSecret()
                    .withSecretName(ChaincodeResources.tlsSecretName(chaincode, mspId))
                    .withDefaultMode(0440)
                    .endSecret()
                    .endVolume()
                    .endSpec()
                    .endTemplate()
                    .endSpec();
        }
        return builder.build();
    }

    /** The Service at the package's address, selecting this package's pods. */
    public Service generateService() {
        return new ServiceBuilder()
                .withNewMetadata()
                .withName(ChaincodeResources.serverName(chaincode, mspId))
                .withNamespace(namespace)
                .withLabels(ModelLabels.common(chaincode, mspId))
                .endMetadata()
                .withNewSpec()
                .withType("ClusterIP")
                .withSelector(ModelLabels.selector(chaincode, mspId, packageId))
                .addNewPort()
                .withName("chaincode")
                .withPort(ChaincodeResources.CHAINCODE_PORT)
                .withTargetPort(new IntOrString("chaincode"))
                .withProtocol("TCP")
                .endPort()
                .endSpec()
                .build();
    }

    /** The TLS Secret ({@code tls.crt}, {@code tls.key}, {@code ca.crt}), or {@code null} without TLS. */
    public Secret generateTlsSecret(ServerTls material) {
        if (tls == TlsMode.NONE) {
            return null;
        }
        Map<String, String> data = new TreeMap<>();
        data.put("tls.crt", material.serverCertPem());
        data.put("tls.key", material.serverKeyPem());
        data.put("ca.crt", material.caCertPem());
        return new SecretBuilder()
                .withNewMetadata()
                .withName(ChaincodeResources.tlsSecretName(chaincode, mspId))
                .withNamespace(namespace)
                .withLabels(ModelLabels.common(chaincode, mspId))
                .endMetadata()
                .withType("kubernetes.io/tls")
                .withStringData(data)
                .build();
    }

    private List<EnvVar> environment() {
        List<EnvVar> env = new ArrayList<>();
        env.add(new EnvVar("CHAINCODE_SERVER_ADDRESS", "0.0.0.0:" + ChaincodeResources.CHAINCODE_PORT, null));
        env.add(new EnvVar("CHAINCODE_ID", packageId, null));
        env.add(new EnvVar("CORE_CHAINCODE_ID_NAME", packageId, null));
        if (tls != TlsMode.NONE) {
            env.add(new EnvVar("CHAINCODE_TLS_CERT_FILE", TLS_MOUNT + "/tls.crt", null));
            env.add(new EnvVar("CHAINCODE_TLS_KEY_FILE", TLS_MOUNT + "/tls.key", null));
        }
        if (tls == TlsMode.MTLS) {
            env.add(new EnvVar("CHAINCODE_TLS_CLIENT_CA_FILE", TLS_MOUNT + "/ca.crt", null));
        }
        return env;
    }

    private ResourceRequirements resourceRequirements() {
        ResourceRequirementsBuilder builder = new ResourceRequirementsBuilder();
        resources.getOrDefault("requests", Map.of()).forEach((k, v) -> builder.addToRequests(k, new Quantity(v)));
        resources.getOrDefault("limits", Map.of()).forEach((k, v) -> builder.addToLimits(k, new Quantity(v)));
        return builder.build();
    }

    private static Probe tcpProbe(int initialDelay, int period) {
        return new ProbeBuilder()
                .withNewTcpSocket()
                .withPort(new IntOrString("chaincode"))
                .endTcpSocket()
                .withInitialDelaySeconds(initialDelay)
                .withPeriodSeconds(period)
                .build();
    }
}
