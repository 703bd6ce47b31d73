package dev.weft.provisioner.local;

import dev.weft.provisioner.spec.FabricNode;
import dev.weft.provisioner.spec.LocalPorts;
import dev.weft.provisioner.workflow.NetworkPlan;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The command line and environment of each local node, from the plan alone (no I/O). Every node binds to the spec's
 * {@code local.host} on the ports {@code NetworkNaming.localPorts} gives it, reads its MSP and TLS files from the
 * crypto tree, keeps its data in its own folder and reads Fabric's sample config copied into {@code <node>/config},
 * overridden by environment variables as the Fabric docs describe.
 *
 * <pre>{@code
 * LocalNodeCommands commands = new LocalNodeCommands(fabric, plan, "s3cret");
 * NodeCommand peer = commands.peer(naming.peers().get(0));
 * peer.environment().get("CORE_PEER_LISTENADDRESS"); // "127.0.0.1:7100"
 * }</pre>
 */
public final class LocalNodeCommands {

    /** Name of Weft's builder in the peers' {@code externalBuilders}. */
    public static final String WEFT_BUILDER = "weft-external";

    private final LocalFabric fabric;
    private final NetworkPlan plan;

    public LocalNodeCommands(LocalFabric fabric, NetworkPlan plan) {
        this.fabric = fabric;
        this.plan = plan;
    }

    /** Every node to run: orderers, peers, then the CAs when {@code fabric-ca-server} is there. */
    public List<NodeCommand> all(java.util.function.Function<FabricNode, String> caPassword) {
        List<NodeCommand> all = new ArrayList<>();
        plan.naming().orderers().forEach(o -> all.add(orderer(o)));
        plan.naming().peers().forEach(p -> all.add(peer(p)));
        if (fabric.hasCaServer()) {
            plan.naming().cas().forEach(c -> all.add(ca(c, caPassword.apply(c))));
        }
        return all;
    }

    /** An etcdraft orderer with channel participation and no system channel. */
    public NodeCommand orderer(FabricNode orderer) {
        LocalPorts ports = plan.naming().localPorts(orderer);
        Path dir = plan.folder().node(orderer.name());
        Path node = plan.nodeCrypto(orderer);
        String tls = node.resolve("tls").toString();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("FABRIC_CFG_PATH", dir.resolve("config").toString());
        env.put("FABRIC_LOGGING_SPEC", "INFO");
        env.put("ORDERER_GENERAL_LISTENADDRESS", host());
        env.put("ORDERER_GENERAL_LISTENPORT", Integer.toString(ports.listen()));
        env.put("ORDERER_GENERAL_LOCALMSPID", orderer.mspId());
        env.put("ORDERER_GENERAL_LOCALMSPDIR", node.resolve("msp").toString());
        env.put("ORDERER_GENERAL_TLS_ENABLED", Boolean.toString(plan.spec().tls()));
        env.put("ORDERER_GENERAL_TLS_PRIVATEKEY", tls + "/server.key");
        env.put("ORDERER_GENERAL_TLS_CERTIFICATE", tls + "/server.crt");
        env.put("ORDERER_GENERAL_TLS_ROOTCAS", "[" + tls + "/ca.crt]");
        // Raft traffic has its own TLS listener, as on Kubernetes, so it stays mutual TLS whatever the client port
        // does.
        env.put("ORDERER_GENERAL_CLUSTER_LISTENADDRESS", host());
        env.put("ORDERER_GENERAL_CLUSTER_LISTENPORT", Integer.toString(ports.cluster()));
        env.put("ORDERER_GENERAL_CLUSTER_SERVERCERTIFICATE", tls + "/server.crt");
        env.put("ORDERER_GENERAL_CLUSTER_SERVERPRIVATEKEY", tls + "/server.key");
        env.put("ORDERER_GENERAL_CLUSTER_CLIENTCERTIFICATE", tls + "/server.crt");
        env.put("ORDERER_GENERAL_CLUSTER_CLIENTPRIVATEKEY", tls + "/server.key");
        env.put("ORDERER_GENERAL_CLUSTER_ROOTCAS", "[" + tls + "/ca.crt]");
        env.put("ORDERER_GENERAL_BOOTSTRAPMETHOD", "none");
        env.put("ORDERER_CHANNELPARTICIPATION_ENABLED", "true");
        env.put("ORDERER_ADMIN_LISTENADDRESS", host() + ":" + ports.admin());
        env.put("ORDERER_ADMIN_TLS_ENABLED", "true");
        env.put("ORDERER_ADMIN_TLS_PRIVATEKEY", tls + "/server.key");
        env.put("ORDERER_ADMIN_TLS_CERTIFICATE", tls + "/server.crt");
        env.put("ORDERER_ADMIN_TLS_ROOTCAS", "[" + tls + "/ca.crt]");
        env.put("ORDERER_ADMIN_TLS_CLIENTAUTHREQUIRED", "true");
        env.put("ORDERER_ADMIN_TLS_CLIENTROOTCAS", "[" + tls + "/ca.crt]");
        env.put("ORDERER_OPERATIONS_LISTENADDRESS", host() + ":" + ports.operations());
        env.put("ORDERER_METRICS_PROVIDER", "disabled");
        env.put("ORDERER_FILELEDGER_LOCATION", dir.resolve("ledger").toString());
        env.put("ORDERER_CONSENSUS_WALDIR", dir.resolve("etcdraft/wal").toString());
        env.put("ORDERER_CONSENSUS_SNAPDIR", dir.resolve("etcdraft/snapshot").toString());
        return new NodeCommand(orderer.name(), fabric.executable("orderer"), List.of(), env, dir, ports.operations());
    }

    /** A peer with the gateway on, LevelDB unless the spec gives a CouchDB URL, and both chaincode builders. */
    public NodeCommand peer(FabricNode peer) {
        LocalPorts ports = plan.naming().localPorts(peer);
        Path dir = plan.folder().node(peer.name());
        Path node = plan.nodeCrypto(peer);
        String tls = node.resolve("tls").toString();
        String address = host() + ":" + ports.listen();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("FABRIC_CFG_PATH", dir.resolve("config").toString());
        env.put("FABRIC_LOGGING_SPEC", "INFO");
        env.put("CORE_PEER_ID", peer.name());
        env.put("CORE_PEER_ADDRESS", address);
        env.put("CORE_PEER_LISTENADDRESS", address);
        env.put("CORE_PEER_CHAINCODEADDRESS", host() + ":" + ports.chaincode());
        env.put("CORE_PEER_CHAINCODELISTENADDRESS", host() + ":" + ports.chaincode());
        env.put("CORE_PEER_GOSSIP_BOOTSTRAP", address);
        env.put("CORE_PEER_GOSSIP_EXTERNALENDPOINT", address);
        // The first gossip dial to another org's anchor can race the channel join; retry after 5 s, not 25 s.
        env.put("CORE_PEER_GOSSIP_RECONNECTINTERVAL", "5s");
        env.put("CORE_PEER_LOCALMSPID", peer.mspId());
        env.put("CORE_PEER_MSPCONFIGPATH", node.resolve("msp").toString());
        env.put("CORE_PEER_TLS_ENABLED", Boolean.toString(plan.spec().tls()));
        env.put("CORE_PEER_TLS_CERT_FILE", tls + "/server.crt");
        env.put("CORE_PEER_TLS_KEY_FILE", tls + "/server.key");
        env.put("CORE_PEER_TLS_ROOTCERT_FILE", tls + "/ca.crt");
        env.put("CORE_PEER_FILESYSTEMPATH", dir.resolve("data").toString());
        env.put("CORE_LEDGER_SNAPSHOTS_ROOTDIR", dir.resolve("snapshots").toString());
        env.put("CORE_OPERATIONS_LISTENADDRESS", host() + ":" + ports.operations());
        env.put("CORE_METRICS_PROVIDER", "disabled");
        env.put("CORE_PEER_GATEWAY_ENABLED", "true");
        env.put("CORE_VM_ENDPOINT", "");
        env.put("CORE_CHAINCODE_EXTERNALBUILDERS", externalBuilders());
        env.putAll(stateDatabase());
        return new NodeCommand(
                peer.name(), fabric.executable("peer"), List.of("node", "start"), env, dir, ports.operations());
    }

    /** A Fabric CA bootstrapped with the org's signing CA from the crypto step, so it issues trusted certificates. */
    public NodeCommand ca(FabricNode ca, String adminPassword) {
        LocalPorts ports = plan.naming().localPorts(ca);
        Path dir = plan.folder().node(ca.name());
        Path caFolder = plan.caFolder(ca.mspId());
        List<String> args = List.of(
                "start",
                "--address",
                host(),
                "--port",
                Integer.toString(ports.listen()),
                "--operations.listenaddress",
                host() + ":" + ports.operations(),
                "--home",
                dir.resolve("home").toString(),
                "--ca.name",
                ca.name(),
                "--ca.certfile",
                caFolder.resolve(plan.org(ca.mspId()).ca().certFileName()).toString(),
                "--ca.keyfile",
                caFolder.resolve("priv_sk").toString());
        // The registrar's password goes in the environment, not in -b: arguments are visible to every user in ps.
        Map<String, String> env = Map.of("FABRIC_CA_SERVER_BOOT", "admin:" + adminPassword);
        return new NodeCommand(ca.name(), fabric.executable("fabric-ca-server"), args, env, dir, ports.operations());
    }

    /**
     * Fabric's {@code ccaas} builder when the installation has it, then Weft's, which claims both {@code ccaas} and
     * {@code external} packages, so either package type works with or without Fabric's builder.
     */
    String externalBuilders() {
        List<String> builders = new ArrayList<>();
        fabric.ccaasBuilder()
                .ifPresent(path -> builders.add("{\"name\":\"ccaas_builder\",\"path\":\"" + path
                        + "\",\"propagateEnvironment\":[\"CHAINCODE_AS_A_SERVICE_BUILDER_CONFIG\"]}"));
        builders.add("{\"name\":\"" + WEFT_BUILDER + "\",\"path\":\"" + weftBuilder()
                + "\",\"propagateEnvironment\":[\"CHAINCODE_AS_A_SERVICE_BUILDER_CONFIG\"]}");
        return "[" + String.join(",", builders) + "]";
    }

    /** Where the local copy of Weft's builder goes ({@code <folder>/bin/detect} …). */
    public Path weftBuilder() {
        return plan.folder().builders().resolve(WEFT_BUILDER);
    }

    private Map<String, String> stateDatabase() {
        Optional<URI> couch =
                Optional.ofNullable(plan.spec().local().couchDbUrl()).map(URI::create);
        if (couch.isEmpty()) {
            return Map.of("CORE_LEDGER_STATE_STATEDATABASE", "goleveldb");
        }
        URI url = couch.get();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("CORE_LEDGER_STATE_STATEDATABASE", "CouchDB");
        env.put(
                "CORE_LEDGER_STATE_COUCHDBCONFIG_COUCHDBADDRESS",
                url.getHost() + ":" + (url.getPort() < 0 ? 5984 : url.getPort()));
        if (url.getUserInfo() != null) {
            String[] user = url.getUserInfo().split(":", 2);
            env.put("CORE_LEDGER_STATE_COUCHDBCONFIG_USERNAME", user[0]);
            env.put("CORE_LEDGER_STATE_COUCHDBCONFIG_PASSWORD", user.length > 1 ? user[1] : "");
        }
        return env;
    }

    private String host() {
        return plan.spec().local().host();
    }
}
