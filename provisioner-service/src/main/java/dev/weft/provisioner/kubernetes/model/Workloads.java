package dev.weft.provisioner.kubernetes.model;

import dev.weft.provisioner.spec.FabricPorts;
import dev.weft.provisioner.spec.ResourceSpec;
import dev.weft.provisioner.spec.StorageSpec;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.util.List;
import java.util.Map;

/** Pieces every node's pod shares: security contexts, probes, resources, storage, env and port helpers. */
final class Workloads {

    /** UID/GID the Fabric containers run as; the Fabric images work as any user when paths are writable. */
    static final long FABRIC_UID = 1000L;

    /** UID/GID of the {@code couchdb} user in the official CouchDB image, which owns {@code /opt/couchdb}. */
    static final long COUCHDB_UID = 5984L;

    /** Name of the data volume (PVC) of every node. */
    static final String DATA = "data";

    private Workloads() {}

    /**
     * Non-root pod: PVCs become group-writable through {@code fsGroup}; the restricted Pod Security Standard's
     * seccomp profile.
     */
    static PodSecurityContext podSecurityContext() {
        return new PodSecurityContextBuilder()
                .withRunAsNonRoot(true)
                .withRunAsUser(FABRIC_UID)
                .withRunAsGroup(FABRIC_UID)
                .withFsGroup(FABRIC_UID)
                .withNewSeccompProfile()
                .withType("RuntimeDefault")
                .endSeccompProfile()
                .build();
    }

    /** No privilege escalation, no capabilities; a read-only root filesystem where the image allows it. */
    static SecurityContext containerSecurityContext(boolean readOnlyRoot) {
        return new SecurityContextBuilder()
                .withAllowPrivilegeEscalation(false)
                .withReadOnlyRootFilesystem(readOnlyRoot)
                .withNewCapabilities()
                .withDrop("ALL")
                .endCapabilities()
                .build();
    }

    /** CouchDB runs as its own user: its entrypoint writes the admin credentials under {@code /opt/couchdb}. */
    static SecurityContext couchDbSecurityContext() {
        return new SecurityContextBuilder(containerSecurityContext(false))
                .withRunAsUser(COUCHDB_UID)
                .withRunAsGroup(COUCHDB_UID)
                .build();
    }

    /** HTTP GET on the operations endpoint's {@code /healthz} (the operations endpoint is served without TLS). */
    static Probe healthz(int initialDelaySeconds, int failureThreshold) {
        return httpProbe("/healthz", "operations", initialDelaySeconds, failureThreshold);
    }

    static Probe httpProbe(String path, String portName, int initialDelaySeconds, int failureThreshold) {
        return new ProbeBuilder()
                .withNewHttpGet()
                .withPath(path)
                .withPort(new IntOrString(portName))
                .withScheme("HTTP")
                .endHttpGet()
                .withInitialDelaySeconds(initialDelaySeconds)
                .withPeriodSeconds(10)
                .withTimeoutSeconds(5)
                .withFailureThreshold(failureThreshold)
                .build();
    }

    /** Requests from the spec; no limits, so nodes can burst during block validation and chaincode builds. */
    static ResourceRequirements requests(ResourceSpec spec) {
        return new ResourceRequirementsBuilder()
                .addToRequests("cpu", new Quantity(spec.cpu()))
                .addToRequests("memory", new Quantity(spec.memory()))
                .build();
    }

    /** The {@code data} claim template of a StatefulSet. */
    static PersistentVolumeClaim dataClaimTemplate(StorageSpec storage, Map<String, String> labels) {
        return claim(DATA, null, labels, storage);
    }

    static PersistentVolumeClaim claim(String name, String namespace, Map<String, String> labels, StorageSpec storage) {
        return new PersistentVolumeClaimBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .withLabels(labels)
                .endMetadata()
                .withNewSpec()
                .withAccessModes("ReadWriteOnce")
                .withStorageClassName(storage.storageClass())
                .withNewResources()
                .addToRequests("storage", new Quantity(storage.size()))
                .endResources()
                .endSpec()
                .build();
    }

    /** An emptyDir, e.g. for {@code /tmp} under a read-only root filesystem. */
    static Volume emptyDir(String name) {
        return new VolumeBuilder()
                .withName(name)
                .withNewEmptyDir()
                .endEmptyDir()
                .build();
    }

    static VolumeMount mount(String volume, String path, boolean readOnly) {
        return new VolumeMountBuilder()
                .withName(volume)
                .withMountPath(path)
                .withReadOnly(readOnly ? Boolean.TRUE : null)
                .build();
    }

    static VolumeMount mount(String volume, String path, String subPath) {
        return new VolumeMountBuilder()
                .withName(volume)
                .withMountPath(path)
                .withSubPath(subPath)
                .build();
    }

    static EnvVar env(String name, String value) {
        return new EnvVar(name, value, null);
    }

    static EnvVar envFromSecret(String name, String secret, String key) {
        return new EnvVarBuilder()
                .withName(name)
                .withNewValueFrom()
                .withNewSecretKeyRef()
                .withName(secret)
                .withKey(key)
                .endSecretKeyRef()
                .endValueFrom()
                .build();
    }

    static ContainerPort port(String name, int port) {
        return new ContainerPortBuilder()
                .withName(name)
                .withContainerPort(port)
                .withProtocol("TCP")
                .build();
    }

    static ContainerPort operationsPort() {
        return port("operations", FabricPorts.OPERATIONS);
    }

    /** A ClusterIP Service exposing the container ports by name; its DNS name is the node's host name. */
    static Service service(
            String name,
            String namespace,
            Map<String, String> labels,
            Map<String, String> selector,
            List<ContainerPort> ports) {
        List<ServicePort> servicePorts = ports.stream()
                .map(p -> new ServicePortBuilder()
                        .withName(p.getName())
                        .withPort(p.getContainerPort())
                        .withTargetPort(new IntOrString(p.getName()))
                        .withProtocol("TCP")
                        .build())
                .toList();
        return new ServiceBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .withLabels(labels)
                .endMetadata()
                .withNewSpec()
                .withType("ClusterIP")
                .withSelector(selector)
                .withPorts(servicePorts)
                .endSpec()
                .build();
    }
}
