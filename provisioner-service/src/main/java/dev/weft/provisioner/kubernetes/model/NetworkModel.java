package dev.weft.provisioner.kubernetes.model;

import dev.weft.provisioner.spec.NetworkNaming;
import dev.weft.provisioner.spec.NetworkSpec;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Every Kubernetes object of a network, built from the spec and its material with no I/O, grouped by kind in the
 * order they must be applied: Namespace, Secrets, ConfigMaps, PersistentVolumeClaims, Services, StatefulSets,
 * Deployments.
 *
 * <pre>{@code
 * NetworkModel model = NetworkModel.from(spec, material);
 * model.statefulSets();   // orderer0..2, org1-peer0, org2-peer0
 * model.resources();      // all objects, apply order
 * }</pre>
 */
public final class NetworkModel {

    private final NetworkNaming naming;
    private final Namespace namespace;
    private final List<Secret> secrets = new ArrayList<>();
    private final List<ConfigMap> configMaps = new ArrayList<>();
    private final List<PersistentVolumeClaim> claims = new ArrayList<>();
    private final List<Service> services = new ArrayList<>();
    private final List<StatefulSet> statefulSets = new ArrayList<>();
    private final List<Deployment> deployments = new ArrayList<>();

    private NetworkModel(NetworkNaming naming, NetworkMaterial material) {
        this.naming = naming;
        NetworkSpec spec = naming.spec();
        this.namespace = spec.createNamespace() ? namespaceObject(spec) : null;
        configMaps.add(ExternalBuilderModel.generateConfigMap(naming));
        naming.orderers().stream()
                .map(o -> OrdererModel.of(naming, o, material))
                .forEach(o -> {
                    secrets.add(o.generateMspSecret());
                    secrets.add(o.generateTlsSecret());
                    services.add(o.generateService());
                    statefulSets.add(o.generateStatefulSet());
                });
        naming.peers().stream().map(p -> PeerModel.of(naming, p, material)).forEach(p -> {
            secrets.add(p.generateMspSecret());
            secrets.add(p.generateTlsSecret());
            if (p.generateCouchDbSecret() != null) {
                secrets.add(p.generateCouchDbSecret());
            }
            services.add(p.generateService());
            statefulSets.add(p.generateStatefulSet());
        });
        naming.cas().stream().map(c -> CaModel.of(naming, c, material)).forEach(c -> {
            secrets.add(c.generateSecret());
            claims.add(c.generateDataClaim());
            services.add(c.generateService());
            deployments.add(c.generateDeployment());
        });
    }

    /**
     * The model of a network; defaults are applied to the spec. Validate the spec first: an invalid spec may build
     * objects the API server rejects.
     */
    public static NetworkModel from(NetworkSpec spec, NetworkMaterial material) {
        Objects.requireNonNull(material, "material");
        return new NetworkModel(NetworkNaming.of(spec), material);
    }

    private static Namespace namespaceObject(NetworkSpec spec) {
        Map<String, String> labels = ModelLabels.shared(spec.name(), spec.namespace(), "namespace");
        // Warn (not enforce): the chaincode Deployments other services add here are outside this model.
        labels.put("pod-security.kubernetes.io/warn", "restricted");
        return new NamespaceBuilder()
                .withNewMetadata()
                .withName(spec.namespace())
                .withLabels(labels)
                .endMetadata()
                .build();
    }

    /** Names of everything in the network. */
    public NetworkNaming naming() {
        return naming;
    }

    /** The spec, defaults applied. */
    public NetworkSpec spec() {
        return naming.spec();
    }

    /** The namespace every namespaced object lives in. */
    public String namespace() {
        return naming.namespace();
    }

    /** The Namespace object, or {@code null} when the spec says the namespace exists already. */
    public Namespace namespaceObject() {
        return namespace;
    }

    public List<Secret> secrets() {
        return List.copyOf(secrets);
    }

    public List<ConfigMap> configMaps() {
        return List.copyOf(configMaps);
    }

    public List<PersistentVolumeClaim> persistentVolumeClaims() {
        return List.copyOf(claims);
    }

    public List<Service> services() {
        return List.copyOf(services);
    }

    public List<StatefulSet> statefulSets() {
        return List.copyOf(statefulSets);
    }

    public List<Deployment> deployments() {
        return List.copyOf(deployments);
    }

    /** Every object, in apply order. */
    public List<HasMetadata> resources() {
        return Stream.of(
                        namespace == null ? List.<HasMetadata>of() : List.<HasMetadata>of(namespace),
                        secrets,
                        configMaps,
                        claims,
                        services,
                        statefulSets,
                        deployments)
                .flatMap(List::stream)
                .map(HasMetadata.class::cast)
                .toList();
    }
}
