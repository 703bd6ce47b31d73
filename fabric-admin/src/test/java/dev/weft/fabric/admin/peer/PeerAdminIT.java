package dev.weft.fabric.admin.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.weft.fabric.admin.identity.SigningIdentity;
import dev.weft.fabric.admin.proposal.FabricAdminException;
import dev.weft.fabric.admin.proposal.TestIdentities;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import java.net.ServerSocket;
import java.security.Signature;
import java.time.Duration;
import java.util.List;
import org.hyperledger.fabric.protos.peer.ChannelInfo;
import org.hyperledger.fabric.protos.peer.ChannelQueryResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PeerAdminIT {

    private static final SigningIdentity ADMIN = TestIdentities.create("Org1MSP", "Admin@org1.example.com");
    private static final byte[] BLOCK = TestBlocks.genesis("mychannel");
    private static final String NODE = "peer0.org1.example.com (127.0.0.1:7051)";

    private final FakeEndorser peer = new FakeEndorser();

    @AfterEach
    void stop() {
        peer.close();
    }

    private PeerAdmin admin(Duration deadline) {
        return new PeerAdmin(new Endorser(NODE, peer.channel(), deadline), ADMIN);
    }

    private static ByteString channels(String... names) {
        ChannelQueryResponse.Builder response = ChannelQueryResponse.newBuilder();
        for (String name : names) {
            response.addChannels(ChannelInfo.newBuilder().setChannelId(name));
        }
        return response.build().toByteString();
    }

    @Test
    void joins_with_the_block_as_argument_signed_by_the_admin() throws Exception {
        peer.on("cscc/GetChannels", call -> FakeEndorser.ok(channels()))
                .on("cscc/JoinChain", call -> FakeEndorser.ok(ByteString.EMPTY));

        assertThat(admin(Duration.ofSeconds(5)).joinChannel(BLOCK)).isEqualTo(JoinOutcome.JOINED);

        FakeEndorser.Call join = peer.calls().get(1);
        assertThat(join.function()).isEqualTo("JoinChain");
        assertThat(join.arguments()).containsExactly(ByteString.copyFrom(BLOCK));
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(ADMIN.certificate().getPublicKey());
        verifier.update(join.signed().getProposalBytes().toByteArray());
        assertThat(verifier.verify(join.signed().getSignature().toByteArray())).isTrue();
    }

    @Test
    void joining_twice_is_success_without_a_second_join() {
        peer.on("cscc/GetChannels", call -> FakeEndorser.ok(channels("other", "mychannel")));

        assertThat(admin(Duration.ofSeconds(5)).joinChannel(BLOCK)).isEqualTo(JoinOutcome.ALREADY_JOINED);
        assertThat(peer.calls()).extracting(FakeEndorser.Call::function).containsExactly("GetChannels");
    }

    @Test
    void ledger_already_exists_from_a_concurrent_join_is_success() {
        peer.on("cscc/GetChannels", call -> FakeEndorser.ok(channels()))
                .on(
                        "cscc/JoinChain",
                        call -> FakeEndorser.error(
                                500,
                                "cannot create ledger from genesis block: ledger [mychannel] already exists with state [ACTIVE]"));

        assertThat(admin(Duration.ofSeconds(5)).joinChannel(BLOCK)).isEqualTo(JoinOutcome.ALREADY_JOINED);
    }

    @Test
    void refusal_names_the_peer_the_operation_and_fabric_status() {
        peer.on("cscc/GetChannels", call -> FakeEndorser.ok(channels()))
                .on(
                        "cscc/JoinChain",
                        call -> FakeEndorser.error(
                                500,
                                "access denied for [JoinChain][mychannel]: [Failed verifying that proposal's creator satisfies local MSP principal during channelless check policy with policy [Admins]]"));

        assertThatThrownBy(() -> admin(Duration.ofSeconds(5)).joinChannel(BLOCK))
                .isInstanceOfSatisfying(FabricAdminException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FabricAdminException.Kind.REJECTED);
                    assertThat(e.node()).isEqualTo(NODE);
                    assertThat(e.operation()).isEqualTo("cscc/JoinChain");
                    assertThat(e.status()).isEqualTo("status 500");
                    assertThat(e.getMessage())
                            .startsWith("cscc/JoinChain on " + NODE + " failed: status 500: access denied")
                            .doesNotContain(ADMIN.privateKey().toString());
                });
    }

    @Test
    void slow_peer_fails_with_a_timeout_after_the_deadline() {
        peer.on("cscc/GetChannels", FakeEndorser.hang(3_000));

        long start = System.nanoTime();
        assertThatThrownBy(() -> admin(Duration.ofMillis(200)).channels())
                .isInstanceOfSatisfying(FabricAdminException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FabricAdminException.Kind.TIMEOUT);
                    assertThat(e.status()).isEqualTo("DEADLINE_EXCEEDED");
                    assertThat(e.detail()).startsWith("no answer within 200 ms");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void unavailable_status_is_typed() {
        peer.on(
                "cscc/GetChannels",
                FakeEndorser.grpcError(Status.UNAVAILABLE.withDescription("peer is shutting down")));

        assertThatThrownBy(() -> admin(Duration.ofSeconds(5)).channels())
                .isInstanceOfSatisfying(FabricAdminException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FabricAdminException.Kind.UNAVAILABLE);
                    assertThat(e.detail()).isEqualTo("peer is shutting down");
                });
    }

    @Test
    void closed_port_over_real_tls_is_unavailable() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        GrpcEndpoint endpoint =
                GrpcEndpoint.tls("peer0.org1.example.com", "127.0.0.1", port, List.of(ADMIN.certificate()));
        ManagedChannel channel = GrpcConnections.open(endpoint);
        try {
            PeerAdmin admin = new PeerAdmin(new Endorser(endpoint.label(), channel, Duration.ofSeconds(5)), ADMIN);
            assertThatThrownBy(admin::channels).isInstanceOfSatisfying(FabricAdminException.class, e -> {
                assertThat(e.kind()).isEqualTo(FabricAdminException.Kind.UNAVAILABLE);
                assertThat(e.node()).isEqualTo("peer0.org1.example.com (127.0.0.1:" + port + ")");
            });
        } finally {
            GrpcConnections.close(channel);
        }
    }

    @Test
    void lists_joined_channels() {
        peer.on("cscc/GetChannels", call -> FakeEndorser.ok(channels("a", "b")));

        assertThat(admin(Duration.ofSeconds(5)).channels()).containsExactly("a", "b");
    }
}
