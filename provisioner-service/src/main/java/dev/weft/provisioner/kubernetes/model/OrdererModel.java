package dev.weft.provisioner.kubernetes.model;

import static dev.weft.provisioner.kubernetes.model.Workloads.env;

import dev.weft.provisioner.spec.FabricNode;
import dev.weft.provisioner.spec.FabricPorts;
import dev.weft.provisioner.spec.NetworkNaming;
import dev.weft.provisioner.spec.NetworkSpec;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One Raft orderer: its MSP and TLS Secrets, its Service (client, cluster, admin and operations ports) and its
 * StatefulSet with a data PVC.
 *
 * <p>There is no system channel and no genesis block at start ({@code ORDERER_GENERAL_BOOTSTRAPMETHOD=none}):
 * channels are joined afterwards through the admin endpoint, which always requires client certificates signed by
 * the orderer org's TLS CA. Raft traffic has its own listener so that it uses TLS even when the spec turns TLS off
 * for clients.
 */
public final class OrdererModel {

    static final String HOME = "/var/hyperledger/orderer";
    static final String DATA_DIR = "/var/hyperledger/production/orderer";

    private final NetworkSpec spec;
    private final NetworkNaming naming;
    private final FabricNode node;
    private final NodeFiles files;
    private final Map<String, String> labels;

    private OrdererModel(NetworkNaming naming, FabricNode node, NodeFiles files) {
        this.spec = naming.spec();
        this.naming = naming;
        this.node = node;
        this.files = files;
        this.labels = ModelLabels.node(spec.name(), node);
    }

    /** The model of one orderer of the network. */
    public static OrdererModel of(NetworkNaming naming, FabricNode orderer, NetworkMaterial material) {
        if (orderer.kind() != FabricNode.Kind.ORDERER) {
            throw new IllegalArgumentException(orderer + " is not an orderer");
        }
        return new OrdererModel(naming, orderer, material.node(orderer));
    }

    /** The node. */
    public FabricNode node() {
        return node;
    }

    /** {@code <orderer>-msp}. */
    public Secret generateMspSecret() {
        return CryptoSecrets.secret(naming.mspSecretName(node), naming.namespace(), labels, files.mspFiles());
    }

    /** {@code <orderer>-tls}. */
    public Secret generateTlsSecret() {
        return CryptoSecrets.secret(naming.tlsSecretName(node), naming.namespace(), labels, files.tlsFiles());
    }

    /** The Service whose DNS name is the orderer's host name. */
    public Service generateService() {
        return Workloads.service(node.name(), naming.namespace(), labels, ModelLabels.selector(node), ports());
    }

    private static List<ContainerPort> ports() {
        return List.of(
                Workloads.port("client", FabricPorts.ORDERER_CLIENT),
                Workloads.port("cluster", FabricPorts.ORDERER_CLUSTER),
                Workloads.port("admin", FabricPorts.ORDERER_ADMIN),
                Workloads.operationsPort());
    }

    /** One replica with a data PVC; the pod sees {@code msp/} and {@code tls/} under {@value #HOME}. */
    public StatefulSet generateStatefulSet() {
        return new StatefulSetBuilder()
                .withNewMetadata()
                .withName(node.name())
                .withNamespace(naming.namespace())
                .withLabels(labels)
                .endMetadata()
                .withNewSpec()
                .withReplicas(1)
                .withServiceName(node.name())
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
                        .withName("orderer")
                        .withImage(spec.images().orderer())
                        .withCommand("orderer")
                        .withEnv(containerEnv())
                        .withPorts(ports())
                        .withReadinessProbe(Workloads.healthz(5, 3))
                        .withLivenessProbe(Workloads.healthz(30, 6))
                        .withResources(Workloads.requests(spec.resources().orderer()))
                        .withSecurityContext(Workloads.containerSecurityContext(true))
                        .withVolumeMounts(
                                Workloads.mount("msp", HOME + "/msp", true),
                                Workloads.mount("tls", HOME + "/tls", true),
                                Workloads.mount(Workloads.DATA, "/var/hyperledger/production", false),
                                Workloads.mount("tmp", "/tmp", false))
                        .build())
                .withVolumes(
                        CryptoSecrets.volume("msp", naming.mspSecretName(node), files.mspFiles()),
                        CryptoSecrets.volume("tls", naming.tlsSecretName(node), files.tlsFiles()),
                        Workloads.emptyDir("tmp"))
                .endSpec()
                .endTemplate()
                .withVolumeClaimTemplates(Workloads.dataClaimTemplate(spec.storage(), labels))
                .endSpec()
                .build();
    }

    private List<EnvVar> containerEnv() {
        String tls = HOME + "/tls/";
        String rootCas = "[" + tls + "ca.crt]";
        List<EnvVar> env = new ArrayList<>();
        env.add(env("FABRIC_LOGGING_SPEC", "INFO"));
        env.add(env("ORDERER_GENERAL_LISTENADDRESS", "0.0.0.0"));
        env.add(env("ORDERER_GENERAL_LISTENPORT", String.valueOf(FabricPorts.ORDERER_CLIENT)));
        env.add(env("ORDERER_GENERAL_LOCALMSPID", node.mspId()));
        env.add(env("ORDERER_GENERAL_LOCALMSPDIR", HOME + "/msp"));
        env.add(env("ORDERER_GENERAL_BOOTSTRAPMETHOD", "none"));
        env.add(env("ORDERER_CHANNELPARTICIPATION_ENABLED", "true"));
        env.add(env("ORDERER_GENERAL_TLS_ENABLED", String.valueOf(spec.tls())));
        if (spec.tls()) {
            env.add(env("ORDERER_GENERAL_TLS_CERTIFICATE", tls + "server.crt"));
            env.add(env("ORDERER_GENERAL_TLS_PRIVATEKEY", tls + "server.key"));
            env.add(env("ORDERER_GENERAL_TLS_ROOTCAS", rootCas));
        }
        env.add(env("ORDERER_GENERAL_CLUSTER_LISTENADDRESS", "0.0.0.0"));
        env.add(env("ORDERER_GENERAL_CLUSTER_LISTENPORT", String.valueOf(FabricPorts.ORDERER_CLUSTER)));
        env.add(env("ORDERER_GENERAL_CLUSTER_SERVERCERTIFICATE", tls + "server.crt"));
        env.add(env("ORDERER_GENERAL_CLUSTER_SERVERPRIVATEKEY", tls + "server.key"));
        env.add(env("ORDERER_GENERAL_CLUSTER_CLIENTCERTIFICATE", tls + "server.crt"));
        env.add(env("ORDERER_GENERAL_CLUSTER_CLIENTPRIVATEKEY", tls + "server.key"));
        env.add(env("ORDERER_GENERAL_CLUSTER_ROOTCAS", rootCas));
        env.add(env("ORDERER_ADMIN_LISTENADDRESS", "0.0.0.0:" + FabricPorts.ORDERER_ADMIN));
        env.add(env("ORDERER_ADMIN_TLS_ENABLED", "true"));
        env.add(env("ORDERER_ADMIN_TLS_CERTIFICATE", tls + "server.crt"));
        env.add(env("ORDERER_ADMIN_TLS_PRIVATEKEY", tls + "server.key"));
        env.add(env("ORDERER_ADMIN_TLS_ROOTCAS", rootCas));
        // Fabric 3 refuses an admin TLS endpoint without client authentication; 2.5 allows it but must not.
        env.add(env("ORDERER_ADMIN_TLS_CLIENTAUTHREQUIRED", "true"));
        env.add(env("ORDERER_ADMIN_TLS_CLIENTROOTCAS", rootCas));
        env.add(env("ORDERER_OPERATIONS_LISTENADDRESS", "0.0.0.0:" + FabricPorts.OPERATIONS));
        env.add(env("ORDERER_METRICS_PROVIDER", "prometheus"));
        env.add(env("ORDERER_FILELEDGER_LOCATION", DATA_DIR));
        env.add(env("ORDERER_CONSENSUS_WALDIR", DATA_DIR + "/etcdraft/wal"));
        env.add(env("ORDERER_CONSENSUS_SNAPDIR", DATA_DIR + "/etcdraft/snapshot"));
        return env;
    }
}
