package dev.weft.provisioner.kubernetes.model;

import static dev.weft.provisioner.kubernetes.model.Workloads.env;

import dev.weft.provisioner.spec.FabricNode;
import dev.weft.provisioner.spec.FabricPorts;
import dev.weft.provisioner.spec.NetworkNaming;
import dev.weft.provisioner.spec.NetworkSpec;
import dev.weft.provisioner.spec.StateDatabase;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One peer: its MSP and TLS Secrets, the CouchDB credentials Secret (with CouchDB), its Service and its StatefulSet
 * with a data PVC and, with CouchDB, a CouchDB sidecar reached on localhost.
 *
 * <p>Chaincode builders are set by the {@code CORE_CHAINCODE_EXTERNALBUILDERS} environment variable rather than a
 * core.yaml ConfigMap, so the image's own core.yaml keeps every other default: first Fabric's built-in
 * {@code ccaas_builder} baked into the 2.5 peer image, then Weft's {@code weft-external} scripts mounted from the
 * {@value NetworkNaming#EXTERNAL_BUILDER_CONFIG_MAP} ConfigMap. {@code CORE_VM_ENDPOINT} is empty so that a package
 * no builder claims fails instead of looking for a Docker daemon.
 */
public final class PeerModel {

    static final String HOME = "/var/hyperledger/peer";

    /** Where the ConfigMap with Weft's builder scripts appears; the peer runs {@code <path>/bin/detect} etc. */
    public static final String WEFT_BUILDER_PATH = "/opt/weft/builders/external";

    /** Where the 2.5 peer image ships Fabric's ccaas builder. */
    public static final String CCAAS_BUILDER_PATH = "/opt/hyperledger/ccaas_builder";

    /** User name of the CouchDB sidecar's admin. */
    public static final String COUCHDB_USER = "admin";

    /** Read and execute for everyone: the scripts run as the peer's user. */
    private static final int EXECUTABLE = 0555;

    private final NetworkSpec spec;
    private final NetworkNaming naming;
    private final FabricNode node;
    private final NodeFiles files;
    private final String couchDbPassword;
    private final Map<String, String> labels;

    private PeerModel(NetworkNaming naming, FabricNode node, NodeFiles files, String couchDbPassword) {
        this.spec = naming.spec();
        this.naming = naming;
        this.node = node;
        this.files = files;
        this.couchDbPassword = couchDbPassword;
        this.labels = ModelLabels.node(spec.name(), node);
    }

    /** The model of one peer of the network. */
    public static PeerModel of(NetworkNaming naming, FabricNode peer, NetworkMaterial material) {
        if (peer.kind() != FabricNode.Kind.PEER) {
            throw new IllegalArgumentException(peer + " is not a peer");
        }
        boolean couch = naming.spec().stateDatabase() == StateDatabase.COUCHDB;
        return new PeerModel(naming, peer, material.node(peer), couch ? material.couchDbPassword(peer) : null);
    }

    /** The node. */
    public FabricNode node() {
        return node;
    }

    private boolean couchDb() {
        return couchDbPassword != null;
    }

    /** {@code <peer>-msp}. */
    public Secret generateMspSecret() {
        return CryptoSecrets.secret(naming.mspSecretName(node), naming.namespace(), labels, files.mspFiles());
    }

    /** {@code <peer>-tls}. */
    public Secret generateTlsSecret() {
        return CryptoSecrets.secret(naming.tlsSecretName(node), naming.namespace(), labels, files.tlsFiles());
    }

    /** {@code <peer>-couchdb} with {@code username} and {@code password}, or {@code null} on LevelDB. */
    public Secret generateCouchDbSecret() {
        if (!couchDb()) {
            return null;
        }
        Map<String, String> data = new TreeMap<>();
        data.put("username", base64(COUCHDB_USER));
        data.put("password", base64(couchDbPassword));
        return new SecretBuilder()
                .withNewMetadata()
                .withName(naming.couchDbSecretName(node))
                .withNamespace(naming.namespace())
                .withLabels(labels)
                .endMetadata()
                .withType("Opaque")
                .withData(data)
                .build();
    }

    private static String base64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    /** The Service whose DNS name is the peer's host name: peer, chaincode and operations ports. */
    public Service generateService() {
        return Workloads.service(node.name(), naming.namespace(), labels, ModelLabels.selector(node), ports());
    }

    private static List<ContainerPort> ports() {
        return List.of(
                Workloads.port("peer", FabricPorts.PEER),
                Workloads.port("chaincode", FabricPorts.PEER_CHAINCODE),
                Workloads.operationsPort());
    }

    /** One replica with a data PVC (sub-folders {@code peer} and {@code couchdb}). */
    public StatefulSet generateStatefulSet() {
        PodSpecBuilder pod = new PodSpecBuilder()
                .withEnableServiceLinks(false)
                .withAutomountServiceAccountToken(false)
                .withSecurityContext(Workloads.podSecurityContext())
                .addToContainers(peerContainer())
                .withVolumes(
                        CryptoSecrets.volume("msp", naming.mspSecretName(node), files.mspFiles()),
                        CryptoSecrets.volume("tls", naming.tlsSecretName(node), files.tlsFiles()),
                        new VolumeBuilder()
                                .withName("external-builder")
                                .withNewConfigMap()
                                .withName(NetworkNaming.EXTERNAL_BUILDER_CONFIG_MAP)
                                .withDefaultMode(EXECUTABLE)
                                .endConfigMap()
                                .build(),
                        Workloads.emptyDir("tmp"));
        if (couchDb()) {
            pod.addToContainers(couchDbContainer());
        }
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
                .withSpec(pod.build())
                .endTemplate()
                .withVolumeClaimTemplates(Workloads.dataClaimTemplate(spec.storage(), labels))
                .endSpec()
                .build();
    }

    private Container peerContainer() {
        return new ContainerBuilder()
                .withName("peer")
                .withImage(spec.images().peer())
                .withCommand("peer", "node", "start")
                .withEnv(containerEnv())
                .withPorts(ports())
                .withReadinessProbe(Workloads.healthz(5, 3))
                .withLivenessProbe(Workloads.healthz(30, 6))
                .withResources(Workloads.requests(spec.resources().peer()))
                .withSecurityContext(Workloads.containerSecurityContext(true))
                .withVolumeMounts(
                        Workloads.mount("msp", HOME + "/msp", true),
                        Workloads.mount("tls", HOME + "/tls", true),
                        Workloads.mount(Workloads.DATA, "/var/hyperledger/production", "peer"),
                        Workloads.mount("external-builder", WEFT_BUILDER_PATH + "/bin", true),
                        Workloads.mount("tmp", "/tmp", false))
                .build();
    }

    private Container couchDbContainer() {
        String secret = naming.couchDbSecretName(node);
        return new ContainerBuilder()
                .withName("couchdb")
                .withImage(spec.images().couchdb())
                .withEnv(
                        Workloads.envFromSecret("COUCHDB_USER", secret, "username"),
                        Workloads.envFromSecret("COUCHDB_PASSWORD", secret, "password"))
                .withPorts(Workloads.port("couchdb", FabricPorts.COUCHDB))
                .withReadinessProbe(Workloads.httpProbe("/_up", "couchdb", 5, 3))
                .withLivenessProbe(Workloads.httpProbe("/_up", "couchdb", 30, 6))
                .withResources(Workloads.requests(spec.resources().couchdb()))
                .withSecurityContext(Workloads.couchDbSecurityContext())
                .withVolumeMounts(Workloads.mount(Workloads.DATA, "/opt/couchdb/data", "couchdb"))
                .build();
    }

    private List<EnvVar> containerEnv() {
        String tls = HOME + "/tls/";
        String self = naming.kubernetesEndpoint(node, FabricPorts.PEER);
        List<EnvVar> env = new ArrayList<>();
        env.add(env("FABRIC_LOGGING_SPEC", "INFO"));
        env.add(env("CORE_PEER_ID", node.name()));
        env.add(env("CORE_PEER_ADDRESS", self));
        env.add(env("CORE_PEER_LISTENADDRESS", "0.0.0.0:" + FabricPorts.PEER));
        env.add(env("CORE_PEER_CHAINCODEADDRESS", naming.kubernetesEndpoint(node, FabricPorts.PEER_CHAINCODE)));
        env.add(env("CORE_PEER_CHAINCODELISTENADDRESS", "0.0.0.0:" + FabricPorts.PEER_CHAINCODE));
        env.add(env("CORE_PEER_GOSSIP_BOOTSTRAP", gossipBootstrap()));
        env.add(env("CORE_PEER_GOSSIP_EXTERNALENDPOINT", self));
        env.add(env("CORE_PEER_LOCALMSPID", node.mspId()));
        env.add(env("CORE_PEER_MSPCONFIGPATH", HOME + "/msp"));
        env.add(env("CORE_PEER_TLS_ENABLED", String.valueOf(spec.tls())));
        if (spec.tls()) {
            env.add(env("CORE_PEER_TLS_CERT_FILE", tls + "server.crt"));
            env.add(env("CORE_PEER_TLS_KEY_FILE", tls + "server.key"));
            env.add(env("CORE_PEER_TLS_ROOTCERT_FILE", tls + "ca.crt"));
        }
        env.add(env("CORE_PEER_FILESYSTEMPATH", "/var/hyperledger/production"));
        env.add(env("CORE_LEDGER_SNAPSHOTS_ROOTDIR", "/var/hyperledger/production/snapshots"));
        env.add(env("CORE_OPERATIONS_LISTENADDRESS", "0.0.0.0:" + FabricPorts.OPERATIONS));
        env.add(env("CORE_METRICS_PROVIDER", "prometheus"));
        env.add(env("CORE_VM_ENDPOINT", ""));
        env.add(env("CORE_CHAINCODE_EXTERNALBUILDERS", externalBuilders()));
        // ccaas connection.json templates may refer to {{.peername}}: one package can then serve every peer.
        env.add(env("CHAINCODE_AS_A_SERVICE_BUILDER_CONFIG", "{\"peername\":\"" + node.name() + "\"}"));
        if (couchDb()) {
            String secret = naming.couchDbSecretName(node);
            env.add(env("CORE_LEDGER_STATE_STATEDATABASE", "CouchDB"));
            env.add(env("CORE_LEDGER_STATE_COUCHDBCONFIG_COUCHDBADDRESS", "localhost:" + FabricPorts.COUCHDB));
            env.add(Workloads.envFromSecret("CORE_LEDGER_STATE_COUCHDBCONFIG_USERNAME", secret, "username"));
            env.add(Workloads.envFromSecret("CORE_LEDGER_STATE_COUCHDBCONFIG_PASSWORD", secret, "password"));
            // The sidecar starts at the same time; the peer retries rather than failing its first start.
            env.add(env("CORE_LEDGER_STATE_COUCHDBCONFIG_MAXRETRIESONSTARTUP", "30"));
        } else {
            env.add(env("CORE_LEDGER_STATE_STATEDATABASE", "goleveldb"));
        }
        return env;
    }

    /** Another peer of the org when there is one, else the peer itself (a lone peer has nobody to gossip with). */
    private String gossipBootstrap() {
        List<FabricNode> orgPeers = naming.peers(naming.spec().peerOrg(node.org()));
        FabricNode other = orgPeers.get((node.index() + 1) % orgPeers.size());
        return naming.kubernetesEndpoint(other, FabricPorts.PEER);
    }

    /** The value of {@code CORE_CHAINCODE_EXTERNALBUILDERS}: a YAML flow sequence, here written as JSON. */
    static String externalBuilders() {
        String propagate = "\"propagateEnvironment\":[\"CHAINCODE_AS_A_SERVICE_BUILDER_CONFIG\"]";
        return "[{\"name\":\"ccaas_builder\",\"path\":\"" + CCAAS_BUILDER_PATH + "\"," + propagate + "},"
                + "{\"name\":\"weft-external\",\"path\":\"" + WEFT_BUILDER_PATH + "\"," + propagate + "}]";
    }
}
