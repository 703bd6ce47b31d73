package dev.weft.fabric.admin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.fabric.admin.chaincode.CcaasPackageBuilder;
import dev.weft.fabric.admin.chaincode.ChaincodePackage;
import dev.weft.fabric.admin.chaincode.ConnectionJson;
import dev.weft.fabric.admin.channel.PolicyDsl;
import dev.weft.fabric.admin.crypto.NodeMaterial;
import dev.weft.fabric.admin.e2e.LocalFabricNetwork.Orderer;
import dev.weft.fabric.admin.e2e.LocalFabricNetwork.Peer;
import dev.weft.fabric.admin.identity.SigningIdentity;
import dev.weft.fabric.admin.lifecycle.ChaincodeDefinition;
import dev.weft.fabric.admin.lifecycle.ChannelLifecycle;
import dev.weft.fabric.admin.lifecycle.GatewayDeadlines;
import dev.weft.fabric.admin.lifecycle.InstalledChaincode;
import dev.weft.fabric.admin.lifecycle.LifecycleGateways;
import dev.weft.fabric.admin.lifecycle.PeerLifecycle;
import dev.weft.fabric.admin.orderer.OsnAdminClient;
import dev.weft.fabric.admin.peer.Endorser;
import dev.weft.fabric.admin.peer.GrpcConnections;
import dev.weft.fabric.admin.peer.PeerAdmin;
import dev.weft.fabric.admin.proposal.FabricAdminException;
import dev.weft.testing.FabricBinaries;
import dev.weft.testing.RequiresFabricBinaries;
import io.grpc.ManagedChannel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.Gateway;
import org.junit.jupiter.api.Test;

/**
 * The whole admin path on real Fabric 2.5 processes, with material and genesis block made only by this library: join
 * the channel on three orderers (channel participation API) and two peers (cscc), install the marbles chaincode-as-a-service
 * package (peer → chaincode mutual TLS), approve it for both orgs and commit it (Gateway, {@code _lifecycle}), then submit and evaluate through
 * the Fabric Gateway. The same steps run a second time against the same network and must change nothing.
 */
@RequiresFabricBinaries
class AdminOperationsE2eIT {

    private static final String CHAINCODE = "marbles";
    private static final String MARBLES_MAIN = "dev.weft.chaincode.marbles.server.ChaincodeServerMain";
    private static final byte[] OWNER_INDEX =
            "{\"index\":{\"fields\":[\"docType\",\"owner\"]},\"ddoc\":\"indexOwnerDoc\",\"name\":\"indexOwner\",\"type\":\"json\"}"
                    .getBytes(StandardCharsets.UTF_8);
    private static final Duration RETRY_FOR = Duration.ofSeconds(90);

    @Test
    void deploys_a_ccaas_chaincode_and_a_second_run_changes_nothing() throws Exception {
        Path root = Path.of("target", "e2e", "admin-operations").toAbsolutePath();
        deleteRecursively(root);
        Instant start = Instant.now();
        try (LocalFabricNetwork network =
                LocalFabricNetwork.start(FabricBinaries.fromEnvironment().folder(), root)) {
            Duration startup = Duration.between(start, Instant.now());
            try {
                int chaincodePort = LocalFabricNetwork.freePort();
                ChaincodeTls tls = ChaincodeTls.create();
                ChaincodePackage pkg = CcaasPackageBuilder.ccaas(
                                "marbles_1.0",
                                ConnectionJson.mutualTls(
                                        LocalFabricNetwork.HOST + ":" + chaincodePort,
                                        tls.caPem(),
                                        tls.clientCertPem(),
                                        tls.clientKeyPem()))
                        .couchDbIndex("indexOwner.json", OWNER_INDEX)
                        .build();
                startMarbles(network, pkg, chaincodePort, tls);

                Instant first = Instant.now();
                Map<String, Long> firstMillis = new LinkedHashMap<>();
                Map<String, String> firstRun = converge(network, pkg, firstMillis);
                Duration firstDuration = Duration.between(first, Instant.now());
                assertThat(firstRun)
                        .containsEntry("orderer0.example.com join", "JOINED")
                        .containsEntry("orderer2.example.com join", "JOINED")
                        .containsEntry("peer0.org1.example.com join", "JOINED")
                        .containsEntry("peer0.org2.example.com join", "JOINED")
                        .containsEntry("peer0.org1.example.com install", "INSTALLED")
                        .containsEntry("peer0.org2.example.com install", "INSTALLED")
                        .containsEntry("Org1MSP approve", "APPROVED")
                        .containsEntry("Org2MSP approve", "APPROVED")
                        .containsEntry("commit", "COMMITTED")
                        .containsEntry("sequence", "1");
                assertThat(invoke(network, "marble-run-1")).contains("\"name\":\"marble-run-1\"");
                assertQueriesSeeTheDeployment(network, pkg);

                long heightBefore = channelHeight(network);
                Instant second = Instant.now();
                Map<String, Long> secondMillis = new LinkedHashMap<>();
                Map<String, String> secondRun = converge(network, pkg, secondMillis);
                Duration secondDuration = Duration.between(second, Instant.now());
                assertThat(secondRun)
                        .containsEntry("orderer0.example.com join", "ALREADY_JOINED")
                        .containsEntry("orderer1.example.com join", "ALREADY_JOINED")
                        .containsEntry("orderer2.example.com join", "ALREADY_JOINED")
                        .containsEntry("peer0.org1.example.com join", "ALREADY_JOINED")
                        .containsEntry("peer0.org2.example.com join", "ALREADY_JOINED")
                        .containsEntry("peer0.org1.example.com install", "ALREADY_INSTALLED")
                        .containsEntry("peer0.org2.example.com install", "ALREADY_INSTALLED")
                        .containsEntry("Org1MSP approve", "ALREADY_APPROVED")
                        .containsEntry("Org2MSP approve", "ALREADY_APPROVED")
                        .containsEntry("commit", "ALREADY_COMMITTED")
                        .containsEntry("sequence", "1");
                assertThat(channelHeight(network))
                        .as("the second run adds no block")
                        .isEqualTo(heightBefore);
                assertThat(invoke(network, "marble-run-2")).contains("\"name\":\"marble-run-2\"");

                System.out.printf(
                        "[e2e] fabric-admin: network up in %d ms, first run %d ms, second run %d ms, total %d ms%n"
                                + "[e2e] first run: %s%n[e2e] second run: %s%n"
                                + "[e2e] first run ms per phase: %s%n[e2e] second run ms per phase: %s%n",
                        startup.toMillis(),
                        firstDuration.toMillis(),
                        secondDuration.toMillis(),
                        Duration.between(start, Instant.now()).toMillis(),
                        firstRun,
                        secondRun,
                        firstMillis,
                        secondMillis);
            } catch (Throwable failure) {
                System.out.println("[e2e] node logs:\n" + network.logTails(60));
                throw failure;
            }
        }
    }

    /** The admin steps as a provisioner would run them: each is idempotent, so the map says what each did. */
    private static Map<String, String> converge(
            LocalFabricNetwork network, ChaincodePackage pkg, Map<String, Long> millis) {
        Map<String, String> outcomes = new LinkedHashMap<>();
        byte[] block = network.genesisBlock();
        long phase = System.nanoTime();
        for (Orderer orderer : network.orderers()) {
            OsnAdminClient osn = new OsnAdminClient(network.adminEndpoint(orderer), Duration.ofSeconds(15));
            outcomes.put(orderer.name() + " join", osn.join(block).outcome().name());
        }
        phase = lap(millis, "orderer joins", phase);
        for (Peer peer : network.peers()) {
            SigningIdentity admin = peer.org().admin().signingIdentity();
            ManagedChannel channel = GrpcConnections.open(network.endpoint(peer));
            try {
                Endorser endorser = new Endorser(network.endpoint(peer).label(), channel, Duration.ofSeconds(30));
                outcomes.put(
                        peer.name() + " join",
                        new PeerAdmin(endorser, admin).joinChannel(block).name());
                boolean already = new PeerLifecycle(endorser, admin, Duration.ofMinutes(2))
                        .install(pkg)
                        .alreadyInstalled();
                outcomes.put(peer.name() + " install", already ? "ALREADY_INSTALLED" : "INSTALLED");
            } finally {
                GrpcConnections.close(channel);
            }
        }
        phase = lap(millis, "peer joins and installs", phase);
        ChaincodeDefinition definition = ChaincodeDefinition.of(CHAINCODE, "1.0", 1)
                .withSignaturePolicy(PolicyDsl.parse("AND('Org1MSP.peer','Org2MSP.peer')"));
        List<Peer> peers = network.peers();
        // Every org must approve the same sequence: the largest of what each org needs.
        long sequence = 1;
        for (Peer peer : peers) {
            sequence = Math.max(
                    sequence,
                    withLifecycle(network, peer, lifecycle -> lifecycle.sequenceFor(definition, pkg.packageId())));
        }
        ChaincodeDefinition desired = definition.withSequence(sequence);
        outcomes.put("sequence", String.valueOf(sequence));
        for (Peer peer : peers) {
            String outcome = withLifecycle(
                    network,
                    peer,
                    lifecycle -> retry(() ->
                            lifecycle.approveForMyOrg(desired, pkg.packageId()).name()));
            outcomes.put(peer.org().mspId() + " approve", outcome);
        }
        phase = lap(millis, "approvals", phase);
        String commit = withLifecycle(
                network,
                peers.get(0),
                lifecycle -> retry(() -> {
                    if (!lifecycle.isCommitted(desired)) {
                        Map<String, Boolean> approvals = lifecycle.checkCommitReadiness(desired);
                        if (approvals.containsValue(false)) {
                            throw new IllegalStateException("not every org has approved yet: " + approvals);
                        }
                    }
                    return lifecycle.commit(desired).name();
                }));
        outcomes.put("commit", commit);
        lap(millis, "commit", phase);
        return outcomes;
    }

    private static long lap(Map<String, Long> millis, String name, long since) {
        long now = System.nanoTime();
        millis.put(name, (now - since) / 1_000_000);
        return now;
    }

    private interface LifecycleCall<T> {
        T apply(ChannelLifecycle lifecycle);
    }

    private static <T> T withLifecycle(LocalFabricNetwork network, Peer peer, LifecycleCall<T> call) {
        ManagedChannel channel = GrpcConnections.open(network.endpoint(peer));
        try (Gateway gateway =
                LifecycleGateways.connect(channel, peer.org().admin().signingIdentity(), GatewayDeadlines.DEFAULT)) {
            return call.apply(new ChannelLifecycle(
                    gateway.getNetwork(LocalFabricNetwork.CHANNEL),
                    peer.org().mspId(),
                    network.endpoint(peer).label()));
        } finally {
            GrpcConnections.close(channel);
        }
    }

    /** Creates a marble and reads it back as Org1's User1 through the Fabric Gateway; returns the marble JSON. */
    private static String invoke(LocalFabricNetwork network, String marble) {
        Peer peer = network.peers().get(0);
        NodeMaterial user = peer.org().user("User1");
        ManagedChannel channel = GrpcConnections.open(network.endpoint(peer));
        try (Gateway gateway = LifecycleGateways.connect(channel, user.signingIdentity(), GatewayDeadlines.DEFAULT)) {
            Contract contract = gateway.getNetwork(LocalFabricNetwork.CHANNEL).getContract(CHAINCODE);
            return retry(() -> {
                try {
                    contract.submitTransaction("initMarble", marble, "blue", "35", "tom");
                    return new String(contract.evaluateTransaction("readMarble", marble), StandardCharsets.UTF_8);
                } catch (Exception e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            });
        } finally {
            GrpcConnections.close(channel);
        }
    }

    /** The read side of the API against the real nodes: channel lists, installed packages, committed definition. */
    private static void assertQueriesSeeTheDeployment(LocalFabricNetwork network, ChaincodePackage pkg) {
        for (Orderer orderer : network.orderers()) {
            OsnAdminClient osn = new OsnAdminClient(network.adminEndpoint(orderer), Duration.ofSeconds(15));
            assertThat(osn.listChannels()).contains(LocalFabricNetwork.CHANNEL);
            assertThat(osn.channel(LocalFabricNetwork.CHANNEL))
                    .get()
                    .satisfies(
                            channel -> assertThat(channel.consensusRelation()).isEqualTo("consenter"));
            assertThat(osn.channel("no-such-channel")).isEmpty();
        }
        for (Peer peer : network.peers()) {
            SigningIdentity admin = peer.org().admin().signingIdentity();
            ManagedChannel channel = GrpcConnections.open(network.endpoint(peer));
            try {
                Endorser endorser = new Endorser(network.endpoint(peer).label(), channel, Duration.ofSeconds(30));
                assertThat(new PeerAdmin(endorser, admin).channels()).containsExactly(LocalFabricNetwork.CHANNEL);
                assertThat(new PeerLifecycle(endorser, admin, Duration.ofMinutes(2)).queryInstalled())
                        .extracting(InstalledChaincode::packageId)
                        .containsExactly(pkg.packageId());
            } finally {
                GrpcConnections.close(channel);
            }
            withLifecycle(network, peer, lifecycle -> {
                assertThat(lifecycle.queryCommitted(CHAINCODE)).get().satisfies(committed -> {
                    assertThat(committed.version()).isEqualTo("1.0");
                    assertThat(committed.sequence()).isEqualTo(1);
                });
                assertThat(lifecycle.queryApproved(CHAINCODE, 1))
                        .get()
                        .satisfies(approved -> assertThat(approved.packageId()).contains(pkg.packageId()));
                assertThat(lifecycle.nextSequence(CHAINCODE)).isEqualTo(2);
                return null;
            });
        }
    }

    private static long channelHeight(LocalFabricNetwork network) {
        Orderer orderer = network.orderers().get(0);
        return new OsnAdminClient(network.adminEndpoint(orderer), Duration.ofSeconds(15))
                .channel(LocalFabricNetwork.CHANNEL)
                .orElseThrow()
                .height();
    }

    /** The marbles chaincode server (module chaincode-marbles) as a process, with mutual TLS. */
    private static void startMarbles(LocalFabricNetwork network, ChaincodePackage pkg, int port, ChaincodeTls tls) {
        Path files =
                tls.writeServerFiles(network.root().resolve("chaincode-marbles").resolve("tls"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        network.startProcess(
                "chaincode-marbles",
                List.of(java, "-cp", System.getProperty("java.class.path"), MARBLES_MAIN),
                Map.of(
                        "CHAINCODE_ID", pkg.packageId(),
                        "CHAINCODE_SERVER_ADDRESS", LocalFabricNetwork.HOST + ":" + port,
                        "CHAINCODE_TLS_CERT_FILE", files.resolve("server.crt").toString(),
                        "CHAINCODE_TLS_KEY_FILE", files.resolve("server.key").toString(),
                        "CHAINCODE_TLS_CLIENT_CA_FILE", files.resolve("ca.crt").toString()));
    }

    /**
     * Retries while the network settles: right after the joins the Raft leader may not be elected and the peers may
     * not yet know each other through gossip. Any other error persists and surfaces after {@link #RETRY_FOR}.
     */
    private static <T> T retry(Supplier<T> call) {
        Instant deadline = Instant.now().plus(RETRY_FOR);
        List<String> errors = new ArrayList<>();
        while (true) {
            try {
                return call.get();
            } catch (FabricAdminException | IllegalStateException e) {
                errors.add(e.getMessage());
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("gave up after " + RETRY_FOR + "; errors: " + errors, e);
                }
                LocalFabricNetwork.sleep(1000);
            }
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
