package dev.weft.fabric.admin.e2e;

import dev.weft.fabric.admin.channel.AnchorPeer;
import dev.weft.fabric.admin.channel.ChannelProfile;
import dev.weft.fabric.admin.channel.Consenter;
import dev.weft.fabric.admin.channel.GenesisBlockBuilder;
import dev.weft.fabric.admin.channel.OrganizationProfile;
import dev.weft.fabric.admin.crypto.CryptoMaterial;
import dev.weft.fabric.admin.crypto.CryptoStore;
import dev.weft.fabric.admin.crypto.NodeMaterial;
import dev.weft.fabric.admin.crypto.OrgMaterial;
import dev.weft.fabric.admin.crypto.Topology;
import dev.weft.fabric.admin.orderer.OsnAdminEndpoint;
import dev.weft.fabric.admin.peer.GrpcEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Three etcdraft orderers and one peer in each of two orgs as local processes on 127.0.0.1, with crypto material
 * and the channel's genesis block made by this library (no {@code cryptogen} or {@code configtxgen}).
 *
 * <p>Each node gets its own folder with a copy of Fabric's sampleconfig as {@code FABRIC_CFG_PATH}, overridden by
 * environment variables; the peers' {@code core.yaml} copy points the built-in {@code ccaas} builder at {@code
 * <FABRIC_BIN>/../builders/ccaas} and turns Docker off. Logs go to {@code <node>/node.log}.
 */
final class LocalFabricNetwork implements AutoCloseable {

    static final String CHANNEL = "mychannel";
    static final String HOST = "127.0.0.1";

    private static final int START_ATTEMPTS = 3;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<Integer> USED_PORTS = ConcurrentHashMap.newKeySet();

    record Orderer(NodeMaterial material, int port, int adminPort, int operationsPort) {
        String name() {
            return material.name();
        }
    }

    record Peer(OrgMaterial org, NodeMaterial material, int port, int chaincodePort, int operationsPort) {
        String name() {
            return material.name();
        }
    }

    private final Path fabricBin;
    private final Path root;
    private final CryptoMaterial crypto;
    private final List<Orderer> orderers = new ArrayList<>();
    private final List<Peer> peers = new ArrayList<>();
    private final byte[] genesisBlock;
    private final List<NodeProcess> processes = new ArrayList<>();

    private LocalFabricNetwork(Path fabricBin, Path root) {
        this.fabricBin = fabricBin;
        this.root = root;
        this.crypto = CryptoStore.loadOrGenerate(root.resolve("crypto-config"), Topology.sample(2, 3, 1));
        for (NodeMaterial orderer : crypto.org("OrdererOrg").nodes()) {
            orderers.add(new Orderer(orderer, freePort(), freePort(), freePort()));
        }
        for (OrgMaterial org : crypto.peerOrgs()) {
            for (NodeMaterial peer : org.nodes()) {
                peers.add(new Peer(org, peer, freePort(), freePort(), freePort()));
            }
        }
        this.genesisBlock = GenesisBlockBuilder.create().buildBytes(channelProfile());
    }

    /** Creates the material and starts every node; fails with the nodes' log tails if one does not come up. */
    static LocalFabricNetwork start(Path fabricBin, Path root) {
        IllegalStateException last = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            LocalFabricNetwork network = new LocalFabricNetwork(fabricBin, root);
            try {
                network.orderers.forEach(network::startOrderer);
                network.peers.forEach(network::startPeer);
                network.awaitHealthy(Duration.ofSeconds(60));
                return network;
            } catch (RuntimeException e) {
                String logs = network.logTails(40);
                network.close();
                last = new IllegalStateException(e.getMessage() + "\n" + logs, e);
                // A port chosen as free can be taken by another process before the node binds it (the machine is
                // shared); start again on new ports and with empty node folders, keeping the crypto material.
                System.out.printf("[e2e] network start attempt %d failed: %s%n", attempt, e.getMessage());
                network.deleteNodeFolders();
            }
        }
        throw last;
    }

    CryptoMaterial crypto() {
        return crypto;
    }

    List<Orderer> orderers() {
        return List.copyOf(orderers);
    }

    List<Peer> peers() {
        return List.copyOf(peers);
    }

    byte[] genesisBlock() {
        return genesisBlock.clone();
    }

    Path root() {
        return root;
    }

    /** The orderer's admin endpoint, reached with the orderer org admin's TLS client certificate. */
    OsnAdminEndpoint adminEndpoint(Orderer orderer) {
        NodeMaterial admin = crypto.org("OrdererOrg").admin();
        return OsnAdminEndpoint.mutualTls(
                orderer.name(),
                HOST,
                orderer.adminPort(),
                List.of(orderer.material().tlsCa().certificate()),
                admin.tlsCertificate(),
                admin.tlsPrivateKey());
    }

    GrpcEndpoint endpoint(Peer peer) {
        return GrpcEndpoint.tls(
                peer.name(), HOST, peer.port(), List.of(peer.material().tlsCa().certificate()));
    }

    /** Starts a process next to the network (e.g. a chaincode server) that is stopped with it. */
    NodeProcess startProcess(String name, List<String> command, Map<String, String> environment) {
        NodeProcess process =
                NodeProcess.start(name, command, environment, root.resolve(name).resolve("node.log"));
        processes.add(process);
        return process;
    }

    /** The last lines of every node's log. */
    String logTails(int lines) {
        StringBuilder out = new StringBuilder();
        for (NodeProcess process : processes) {
            out.append("----- ")
                    .append(process.name())
                    .append(process.isAlive() ? "" : " (exited)")
                    .append(" -----\n")
                    .append(process.tail(lines))
                    .append('\n');
        }
        return out.toString();
    }

    @Override
    public void close() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).close();
        }
        processes.clear();
    }

    private ChannelProfile channelProfile() {
        OrgMaterial ordererOrg = crypto.org("OrdererOrg");
        ChannelProfile.Builder profile = ChannelProfile.builder(CHANNEL)
                .ordererOrg(OrganizationProfile.ordererOrg(ordererOrg)
                        .withOrdererEndpoints(orderers.stream()
                                .map(o -> HOST + ":" + o.port())
                                .toArray(String[]::new)));
        for (Orderer orderer : orderers) {
            profile.consenter(Consenter.of(orderer.material(), HOST, orderer.port()));
        }
        for (OrgMaterial org : crypto.peerOrgs()) {
            AnchorPeer[] anchors = peers.stream()
                    .filter(p -> p.org().mspId().equals(org.mspId()))
                    .map(p -> new AnchorPeer(HOST, p.port()))
                    .toArray(AnchorPeer[]::new);
            profile.applicationOrg(OrganizationProfile.applicationOrg(org).withAnchorPeers(anchors));
        }
        return profile.build();
    }

    private void startOrderer(Orderer orderer) {
        Path dir = root.resolve(orderer.name());
        Path config = copyConfig(dir, "orderer.yaml", text -> text);
        Path node = root.resolve("crypto-config").resolve(orderer.material().directory());
        String tls = node.resolve("tls").toString();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("FABRIC_CFG_PATH", config.toString());
        env.put("FABRIC_LOGGING_SPEC", "INFO");
        env.put("ORDERER_GENERAL_LISTENADDRESS", HOST);
        env.put("ORDERER_GENERAL_LISTENPORT", String.valueOf(orderer.port()));
        env.put("ORDERER_GENERAL_LOCALMSPID", orderer.material().mspId());
        env.put("ORDERER_GENERAL_LOCALMSPDIR", node.resolve("msp").toString());
        env.put("ORDERER_GENERAL_TLS_ENABLED", "true");
        env.put("ORDERER_GENERAL_TLS_PRIVATEKEY", tls + "/server.key");
        env.put("ORDERER_GENERAL_TLS_CERTIFICATE", tls + "/server.crt");
        env.put("ORDERER_GENERAL_TLS_ROOTCAS", "[" + tls + "/ca.crt]");
        env.put("ORDERER_GENERAL_CLUSTER_CLIENTCERTIFICATE", tls + "/server.crt");
        env.put("ORDERER_GENERAL_CLUSTER_CLIENTPRIVATEKEY", tls + "/server.key");
        env.put("ORDERER_GENERAL_CLUSTER_ROOTCAS", "[" + tls + "/ca.crt]");
        env.put("ORDERER_GENERAL_BOOTSTRAPMETHOD", "none");
        env.put("ORDERER_CHANNELPARTICIPATION_ENABLED", "true");
        env.put("ORDERER_ADMIN_LISTENADDRESS", HOST + ":" + orderer.adminPort());
        env.put("ORDERER_ADMIN_TLS_ENABLED", "true");
        env.put("ORDERER_ADMIN_TLS_PRIVATEKEY", tls + "/server.key");
        env.put("ORDERER_ADMIN_TLS_CERTIFICATE", tls + "/server.crt");
        env.put("ORDERER_ADMIN_TLS_ROOTCAS", "[" + tls + "/ca.crt]");
        env.put("ORDERER_ADMIN_TLS_CLIENTAUTHREQUIRED", "true");
        env.put("ORDERER_ADMIN_TLS_CLIENTROOTCAS", "[" + tls + "/ca.crt]");
        env.put("ORDERER_OPERATIONS_LISTENADDRESS", HOST + ":" + orderer.operationsPort());
        env.put("ORDERER_METRICS_PROVIDER", "disabled");
        env.put("ORDERER_FILELEDGER_LOCATION", dir.resolve("ledger").toString());
        env.put("ORDERER_CONSENSUS_WALDIR", dir.resolve("etcdraft/wal").toString());
        env.put("ORDERER_CONSENSUS_SNAPDIR", dir.resolve("etcdraft/snapshot").toString());
        startProcess(orderer.name(), List.of(fabricBin.resolve("orderer").toString()), env);
    }

    private void startPeer(Peer peer) {
        Path dir = root.resolve(peer.name());
        String builder =
                fabricBin.toAbsolutePath().getParent().resolve("builders/ccaas").toString();
        Path config = copyConfig(
                dir,
                "core.yaml",
                text -> text.replace("/opt/hyperledger/ccaas_builder", builder)
                        .replace("endpoint: unix:///var/run/docker.sock", "endpoint: \"\""));
        Path node = root.resolve("crypto-config").resolve(peer.material().directory());
        String tls = node.resolve("tls").toString();
        String address = HOST + ":" + peer.port();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("FABRIC_CFG_PATH", config.toString());
        env.put("FABRIC_LOGGING_SPEC", "INFO");
        env.put("CORE_PEER_ID", peer.name());
        env.put("CORE_PEER_ADDRESS", address);
        env.put("CORE_PEER_LISTENADDRESS", address);
        env.put("CORE_PEER_CHAINCODEADDRESS", HOST + ":" + peer.chaincodePort());
        env.put("CORE_PEER_CHAINCODELISTENADDRESS", HOST + ":" + peer.chaincodePort());
        env.put("CORE_PEER_GOSSIP_BOOTSTRAP", address);
        env.put("CORE_PEER_GOSSIP_EXTERNALENDPOINT", address);
        // The first gossip dial to the other org's anchor peer can race the channel join; retry after 5 s, not 25 s.
        env.put("CORE_PEER_GOSSIP_RECONNECTINTERVAL", "5s");
        env.put("CORE_PEER_LOCALMSPID", peer.org().mspId());
        env.put("CORE_PEER_MSPCONFIGPATH", node.resolve("msp").toString());
        env.put("CORE_PEER_TLS_ENABLED", "true");
        env.put("CORE_PEER_TLS_CERT_FILE", tls + "/server.crt");
        env.put("CORE_PEER_TLS_KEY_FILE", tls + "/server.key");
        env.put("CORE_PEER_TLS_ROOTCERT_FILE", tls + "/ca.crt");
        env.put("CORE_PEER_FILESYSTEMPATH", dir.resolve("data").toString());
        env.put("CORE_LEDGER_SNAPSHOTS_ROOTDIR", dir.resolve("snapshots").toString());
        env.put("CORE_LEDGER_STATE_STATEDATABASE", "goleveldb");
        env.put("CORE_OPERATIONS_LISTENADDRESS", HOST + ":" + peer.operationsPort());
        env.put("CORE_METRICS_PROVIDER", "disabled");
        env.put("CORE_PEER_GATEWAY_ENABLED", "true");
        startProcess(peer.name(), List.of(fabricBin.resolve("peer").toString(), "node", "start"), env);
    }

    private Path copyConfig(Path dir, String file, UnaryOperator<String> edit) {
        Path source = fabricBin.toAbsolutePath().getParent().resolve("config").resolve(file);
        Path target = dir.resolve("config");
        try {
            Files.createDirectories(target);
            String text = Files.readString(source, StandardCharsets.UTF_8);
            Files.writeString(target.resolve(file), edit.apply(text), StandardCharsets.UTF_8);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + source, e);
        }
    }

    private void awaitHealthy(Duration timeout) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        List<Integer> ports = new ArrayList<>();
        orderers.forEach(o -> ports.add(o.operationsPort()));
        peers.forEach(p -> ports.add(p.operationsPort()));
        for (int port : ports) {
            while (true) {
                for (NodeProcess process : processes) {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(process.name() + " exited");
                    }
                }
                try {
                    HttpResponse<String> response = http.send(
                            HttpRequest.newBuilder(URI.create("http://" + HOST + ":" + port + "/healthz"))
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200) {
                        break;
                    }
                } catch (IOException notYet) {
                    // the node is still starting
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("node with operations port " + port + " not healthy in " + timeout);
                }
                sleep(200);
            }
        }
        // A peer answers /healthz before it binds its chaincode listener; give late bind failures a moment to show.
        sleep(2000);
        for (NodeProcess process : processes) {
            if (!process.isAlive()) {
                throw new IllegalStateException(process.name() + " exited after start");
            }
        }
    }

    /**
     * A port that is free now, below Linux's ephemeral range (32768 and up) so that other processes' outgoing
     * connections and {@code new ServerSocket(0)} listeners cannot take it before the node binds it.
     */
    static int freePort() {
        for (int i = 0; i < 500; i++) {
            int port = 20_000 + RANDOM.nextInt(12_000);
            if (!USED_PORTS.add(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(HOST))) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // try another one
            }
        }
        throw new IllegalStateException("no free port found on " + HOST);
    }

    private void deleteNodeFolders() {
        List<String> nodes = new ArrayList<>();
        orderers.forEach(o -> nodes.add(o.name()));
        peers.forEach(p -> nodes.add(p.name()));
        for (String node : nodes) {
            Path folder = root.resolve(node);
            if (!Files.exists(folder)) {
                continue;
            }
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot clean " + folder, e);
            }
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
