package dev.weft.lifecycle.e2e;

import dev.weft.events.NetworkReady;
import dev.weft.fabric.admin.channel.AnchorPeer;
import dev.weft.fabric.admin.channel.ChannelProfile;
import dev.weft.fabric.admin.channel.Consenter;
import dev.weft.fabric.admin.channel.GenesisBlockBuilder;
import dev.weft.fabric.admin.channel.OrganizationProfile;
import dev.weft.fabric.admin.crypto.CryptoMaterial;
import dev.weft.fabric.admin.crypto.CryptoStore;
import dev.weft.fabric.admin.crypto.NodeMaterial;
import dev.weft.fabric.admin.crypto.OrgMaterial;
import dev.weft.fabric.admin.crypto.Pem;
import dev.weft.fabric.admin.crypto.Topology;
import dev.weft.fabric.admin.orderer.OsnAdminClient;
import dev.weft.fabric.admin.orderer.OsnAdminEndpoint;
import dev.weft.fabric.admin.peer.Endorser;
import dev.weft.fabric.admin.peer.GrpcConnections;
import dev.weft.fabric.admin.peer.GrpcEndpoint;
import dev.weft.fabric.admin.peer.PeerAdmin;
import io.grpc.ManagedChannel;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A two-org network (three Raft orderers, one peer per org) as local processes on 127.0.0.1 for the lifecycle e2e
 * tests, made with fabric-admin only: crypto, genesis block, osnadmin and cscc joins. Built the same way as
 * fabric-admin's own e2e launcher; the peers also get Weft's {@code external} builder next to Fabric's {@code ccaas}
 * builder, so packages of both types install.
 */
final class LocalFabric implements AutoCloseable {

    static final String CHANNEL = "mychannel";
    static final String HOST = "127.0.0.1";

    record Orderer(NodeMaterial material, int port, int adminPort, int operationsPort) {}

    record Peer(OrgMaterial org, NodeMaterial material, int port, int chaincodePort, int operationsPort) {}

    private final Path fabricBin;
    private final Path root;
    private final Path externalBuilder;
    private final CryptoMaterial crypto;
    private final List<Orderer> orderers = new ArrayList<>();
    private final List<Peer> peers = new ArrayList<>();
    private final byte[] genesisBlock;
    private final List<Process> processes = new ArrayList<>();

    private LocalFabric(Path fabricBin, Path root, Path externalBuilder) {
        this.fabricBin = fabricBin.toAbsolutePath();
        this.root = root.toAbsolutePath();
        this.externalBuilder = externalBuilder.toAbsolutePath();
        this.crypto = CryptoStore.loadOrGenerate(this.root.resolve("crypto-config"), Topology.sample(2, 3, 1));
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

    /** Starts every node and joins the channel. */
    static LocalFabric start(Path fabricBin, Path root, Path externalBuilder) {
        LocalFabric network = new LocalFabric(fabricBin, root, externalBuilder);
        try {
            network.orderers.forEach(network::startOrderer);
            network.peers.forEach(network::startPeer);
            network.awaitHealthy(Duration.ofSeconds(60));
            network.join();
            return network;
        } catch (RuntimeException e) {
            network.close();
            throw e;
        }
    }

    /** What the provisioner would announce for this network. */
    NetworkReady networkReady(String name) {
        List<NetworkReady.Orderer> ordererFacts = orderers.stream()
                .map(o -> new NetworkReady.Orderer(
                        o.material().name(),
                        HOST + ":" + o.port(),
                        HOST + ":" + o.adminPort(),
                        o.material().name(),
                        pem(o.material().tlsCa().certificate())))
                .toList();
        List<NetworkReady.Organization> orgs = new ArrayList<>();
        for (OrgMaterial org : crypto.peerOrgs()) {
            List<NetworkReady.Peer> orgPeers = peers.stream()
                    .filter(p -> p.org().mspId().equals(org.mspId()))
                    .map(p -> new NetworkReady.Peer(
                            p.material().name(),
                            HOST + ":" + p.port(),
                            p.material().name()))
                    .toList();
            Path adminMsp = root.resolve("crypto-config")
                    .resolve(org.admin().directory())
                    .resolve("msp");
            orgs.add(new NetworkReady.Organization(
                    org.mspId(), pem(org.tlsCa().certificate()), "file:" + adminMsp, null, orgPeers));
        }
        return new NetworkReady(name, "local", null, List.of(CHANNEL), ordererFacts, orgs);
    }

    CryptoMaterial crypto() {
        return crypto;
    }

    List<Peer> peers() {
        return List.copyOf(peers);
    }

    List<Orderer> orderers() {
        return List.copyOf(orderers);
    }

    Path root() {
        return root;
    }

    Path fabricBin() {
        return fabricBin;
    }

    GrpcEndpoint endpoint(Peer peer) {
        return GrpcEndpoint.tls(
                peer.material().name(),
                HOST,
                peer.port(),
                List.of(peer.material().tlsCa().certificate()));
    }

    /** The channel height on the first orderer: the number of blocks cut so far. */
    long height() {
        return new OsnAdminClient(adminEndpoint(orderers.get(0)), Duration.ofSeconds(15))
                .channel(CHANNEL)
                .orElseThrow()
                .height();
    }

    /** Environment for the {@code peer} CLI acting as {@code peer}'s org admin. */
    Map<String, String> cliEnvironment(Peer peer) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(
                "FABRIC_CFG_PATH",
                root.resolve(peer.material().name()).resolve("config").toString());
        env.put("CORE_PEER_LOCALMSPID", peer.org().mspId());
        env.put(
                "CORE_PEER_MSPCONFIGPATH",
                root.resolve("crypto-config")
                        .resolve(peer.org().admin().directory())
                        .resolve("msp")
                        .toString());
        env.put("CORE_PEER_ADDRESS", HOST + ":" + peer.port());
        env.put("CORE_PEER_TLS_ENABLED", "true");
        env.put("CORE_PEER_TLS_ROOTCERT_FILE", tlsCaFile(peer.material()).toString());
        // no CORE_PEER_TLS_SERVERHOSTOVERRIDE: it would apply to every --peerAddresses; the certificates name 127.0.0.1
        return env;
    }

    Path tlsCaFile(NodeMaterial node) {
        return root.resolve("crypto-config").resolve(node.directory()).resolve("tls/ca.crt");
    }

    @Override
    public void close() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process process = processes.get(i);
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        processes.clear();
    }

    private OsnAdminEndpoint adminEndpoint(Orderer orderer) {
        NodeMaterial admin = crypto.org("OrdererOrg").admin();
        return OsnAdminEndpoint.mutualTls(
                orderer.material().name(),
                HOST,
                orderer.adminPort(),
                List.of(orderer.material().tlsCa().certificate()),
                admin.tlsCertificate(),
                admin.tlsPrivateKey());
    }

    private void join() {
        for (Orderer orderer : orderers) {
            new OsnAdminClient(adminEndpoint(orderer), Duration.ofSeconds(15)).join(genesisBlock);
        }
        for (Peer peer : peers) {
            ManagedChannel channel = GrpcConnections.open(endpoint(peer));
            try {
                new PeerAdmin(
                                new Endorser(peer.material().name(), channel, Duration.ofSeconds(30)),
                                peer.org().admin().signingIdentity())
                        .joinChannel(genesisBlock);
            } finally {
                GrpcConnections.close(channel);
            }
        }
    }

    private ChannelProfile channelProfile() {
        ChannelProfile.Builder profile = ChannelProfile.builder(CHANNEL)
                .ordererOrg(OrganizationProfile.ordererOrg(crypto.org("OrdererOrg"))
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
        Path dir = root.resolve(orderer.material().name());
        String tls = root.resolve("crypto-config")
                .resolve(orderer.material().directory())
                .resolve("tls")
                .toString();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("FABRIC_CFG_PATH", copyConfig(dir, "orderer.yaml").toString());
        env.put("FABRIC_LOGGING_SPEC", "INFO");
        env.put("ORDERER_GENERAL_LISTENADDRESS", HOST);
        env.put("ORDERER_GENERAL_LISTENPORT", String.valueOf(orderer.port()));
        env.put("ORDERER_GENERAL_LOCALMSPID", orderer.material().mspId());
        env.put(
                "ORDERER_GENERAL_LOCALMSPDIR",
                root.resolve("crypto-config")
                        .resolve(orderer.material().directory())
                        .resolve("msp")
                        .toString());
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
        start(dir, List.of(fabricBin.resolve("orderer").toString()), env);
    }

    private void startPeer(Peer peer) {
        Path dir = root.resolve(peer.material().name());
        String node = root.resolve("crypto-config")
                .resolve(peer.material().directory())
                .toString();
        String address = HOST + ":" + peer.port();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("FABRIC_CFG_PATH", copyConfig(dir, "core.yaml").toString());
        // viper ignores an empty CORE_VM_ENDPOINT; without this edit the peer's /healthz reports Docker as down.
        env.put("FABRIC_LOGGING_SPEC", "INFO");
        env.put("CORE_PEER_ID", peer.material().name());
        env.put("CORE_PEER_ADDRESS", address);
        env.put("CORE_PEER_LISTENADDRESS", address);
        env.put("CORE_PEER_CHAINCODEADDRESS", HOST + ":" + peer.chaincodePort());
        env.put("CORE_PEER_CHAINCODELISTENADDRESS", HOST + ":" + peer.chaincodePort());
        env.put("CORE_PEER_GOSSIP_BOOTSTRAP", address);
        env.put("CORE_PEER_GOSSIP_EXTERNALENDPOINT", address);
        env.put("CORE_PEER_GOSSIP_RECONNECTINTERVAL", "5s");
        env.put("CORE_PEER_LOCALMSPID", peer.org().mspId());
        env.put("CORE_PEER_MSPCONFIGPATH", node + "/msp");
        env.put("CORE_PEER_TLS_ENABLED", "true");
        env.put("CORE_PEER_TLS_CERT_FILE", node + "/tls/server.crt");
        env.put("CORE_PEER_TLS_KEY_FILE", node + "/tls/server.key");
        env.put("CORE_PEER_TLS_ROOTCERT_FILE", node + "/tls/ca.crt");
        env.put("CORE_PEER_FILESYSTEMPATH", dir.resolve("data").toString());
        env.put("CORE_LEDGER_SNAPSHOTS_ROOTDIR", dir.resolve("snapshots").toString());
        env.put("CORE_LEDGER_STATE_STATEDATABASE", "goleveldb");
        env.put("CORE_OPERATIONS_LISTENADDRESS", HOST + ":" + peer.operationsPort());
        env.put("CORE_METRICS_PROVIDER", "disabled");
        env.put("CORE_PEER_GATEWAY_ENABLED", "true");
        // Fabric's ccaas builder first, then Weft's own scripts, which claim type "external" (and ccaas).
        env.put(
                "CORE_CHAINCODE_EXTERNALBUILDERS",
                "[{\"name\":\"ccaas_builder\",\"path\":\""
                        + fabricBin.getParent().resolve("builders/ccaas")
                        + "\",\"propagateEnvironment\":[\"CHAINCODE_AS_A_SERVICE_BUILDER_CONFIG\"]},"
                        + "{\"name\":\"weft_external\",\"path\":\"" + externalBuilder + "\"}]");
        start(dir, List.of(fabricBin.resolve("peer").toString(), "node", "start"), env);
    }

    private void start(Path dir, List<String> command, Map<String, String> env) {
        try {
            Files.createDirectories(dir);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            dir.resolve("node.log").toFile()));
            builder.environment().putAll(env);
            processes.add(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    private Path copyConfig(Path dir, String file) {
        Path source = fabricBin.getParent().resolve("config").resolve(file);
        Path target = dir.resolve("config");
        try {
            Files.createDirectories(target);
            String text = Files.readString(source, StandardCharsets.UTF_8)
                    .replace("endpoint: unix:///var/run/docker.sock", "endpoint: \"\"");
            Files.writeString(target.resolve(file), text);
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
                    // starting
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(
                            "node with operations port " + port + " not healthy; see " + root + "/*/node.log");
                }
                sleep(200);
            }
        }
    }

    static String pem(java.security.cert.X509Certificate certificate) {
        return new String(Pem.certificate(certificate), StandardCharsets.US_ASCII);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
