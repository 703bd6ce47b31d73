package dev.weft.fabric.admin.orderer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.fabric.admin.peer.JoinOutcome;
import dev.weft.fabric.admin.peer.TestBlocks;
import dev.weft.fabric.admin.proposal.FabricAdminException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OsnAdminClientIT {

    private static final byte[] BLOCK = TestBlocks.genesis("mychannel");
    private static final String CREATED = "{\"name\":\"mychannel\",\"url\":\"/participation/v1/channels/mychannel\","
            + "\"consensusRelation\":\"consenter\",\"status\":\"active\",\"height\":1}";

    @Nested
    class OverMutualTls {

        private final TestPki ordererTls = TestPki.create("tlsca.example.com");
        private final TestPki.Issued adminClient = ordererTls.issue("Admin@example.com");

        private OsnAdminClient client(FakeOsnAdminServer server, String expectedName, TestPki.Issued clientCert) {
            return new OsnAdminClient(
                    OsnAdminEndpoint.mutualTls(
                            expectedName,
                            "127.0.0.1",
                            server.port(),
                            List.of(ordererTls.caCertificate()),
                            clientCert.certificate(),
                            clientCert.key()),
                    Duration.ofSeconds(5));
        }

        @Test
        void joins_with_the_block_as_multipart_config_block_and_the_admin_client_certificate() {
            try (FakeOsnAdminServer server = FakeOsnAdminServer.mutualTls(
                    ordererTls.issue("orderer0.example.com"), ordererTls.caCertificate())) {
                server.answer(FakeOsnAdminServer.Answer.of(201, CREATED));

                OsnJoinResult result =
                        client(server, "orderer0.example.com", adminClient).join(BLOCK);

                assertThat(result.outcome()).isEqualTo(JoinOutcome.JOINED);
                assertThat(result.channel())
                        .contains(new OsnChannel(
                                "mychannel", "/participation/v1/channels/mychannel", "consenter", "active", 1));
                FakeOsnAdminServer.Request request = server.requests().get(0);
                assertThat(request.method()).isEqualTo("POST");
                assertThat(request.path()).isEqualTo("/participation/v1/channels");
                assertThat(request.contentType()).startsWith("multipart/form-data; boundary=");
                assertThat(new String(request.body(), StandardCharsets.ISO_8859_1))
                        .contains("Content-Disposition: form-data; name=\"config-block\"")
                        .contains(new String(BLOCK, StandardCharsets.ISO_8859_1));
                assertThat(request.clientSubject()).isEqualTo("CN=Admin@example.com");
            }
        }

        @Test
        void already_joined_405_is_success() {
            try (FakeOsnAdminServer server = FakeOsnAdminServer.mutualTls(
                    ordererTls.issue("orderer0.example.com"), ordererTls.caCertificate())) {
                server.answer(FakeOsnAdminServer.Answer.of(405, "{\"error\":\"cannot join: channel already exists\"}"));

                assertThat(client(server, "orderer0.example.com", adminClient)
                                .join(BLOCK)
                                .outcome())
                        .isEqualTo(JoinOutcome.ALREADY_JOINED);
            }
        }

        @Test
        void server_certificate_for_another_name_is_refused() {
            try (FakeOsnAdminServer server = FakeOsnAdminServer.mutualTls(
                    ordererTls.issue("orderer9.example.com"), ordererTls.caCertificate())) {
                assertThatThrownBy(() -> client(server, "orderer0.example.com", adminClient)
                                .listChannels())
                        .isInstanceOfSatisfying(FabricAdminException.class, e -> {
                            assertThat(e.kind()).isEqualTo(FabricAdminException.Kind.UNAVAILABLE);
                            assertThat(e.node()).startsWith("orderer0.example.com (127.0.0.1:");
                            assertThat(e.operation()).isEqualTo("osnadmin list");
                        });
                assertThat(server.requests()).isEmpty();
            }
        }

        @Test
        void client_certificate_from_an_untrusted_ca_is_refused() {
            TestPki.Issued stranger = TestPki.create("other-ca").issue("Admin@other.com");
            try (FakeOsnAdminServer server = FakeOsnAdminServer.mutualTls(
                    ordererTls.issue("orderer0.example.com"), ordererTls.caCertificate())) {
                assertThatThrownBy(() ->
                                client(server, "orderer0.example.com", stranger).listChannels())
                        .isInstanceOfSatisfying(
                                FabricAdminException.class,
                                e -> assertThat(e.kind()).isEqualTo(FabricAdminException.Kind.UNAVAILABLE));
                assertThat(server.requests()).isEmpty();
            }
        }

        @Test
        void error_messages_hold_no_key_material() {
            try (FakeOsnAdminServer server = FakeOsnAdminServer.mutualTls(
                    ordererTls.issue("orderer0.example.com"), ordererTls.caCertificate())) {
                server.answer(FakeOsnAdminServer.Answer.of(400, "{\"error\":\"cannot join: bad block\"}"));

                assertThatThrownBy(() -> client(server, "orderer0.example.com", adminClient)
                                .join(BLOCK))
                        .isInstanceOfSatisfying(
                                FabricAdminException.class,
                                e -> assertThat(e.getMessage())
                                        .doesNotContain("PRIVATE KEY")
                                        .doesNotContain(java.util.Base64.getEncoder()
                                                .encodeToString(
                                                        adminClient.key().getEncoded())));
            }
        }
    }

    @Nested
    class ErrorMapping {

        private OsnAdminClient client(FakeOsnAdminServer server, Duration timeout) {
            return new OsnAdminClient(
                    OsnAdminEndpoint.plainHttp("orderer0.example.com", "127.0.0.1", server.port()), timeout);
        }

        @Test
        void bad_request_carries_the_orderer_error_text() {
            try (FakeOsnAdminServer server = FakeOsnAdminServer.plainHttp()) {
                server.answer(FakeOsnAdminServer.Answer.of(
                        400, "{\"error\":\"cannot join: failed to determine cluster membership from join block\"}"));

                assertThatThrownBy(() -> client(server, Duration.ofSeconds(5)).join(BLOCK))
                        .isInstanceOfSatisfying(FabricAdminException.class, e -> {
                            assertThat(e.kind()).isEqualTo(FabricAdminException.Kind.REJECTED);
                            assertThat(e.status()).isEqualTo("HTTP 400");
                            assertThat(e.operation()).isEqualTo("osnadmin join");
                            assertThat(e.detail())
                                    .isEqualTo("cannot join: failed to determine cluster membership from join block");
                        });
            }
        }

        @Test
        void pending_removal_409_is_an_error() {
            try (FakeOsnAdminServer server = FakeOsnAdminServer.plainHttp()) {
                server.answer(
                        FakeOsnAdminServer.Answer.of(409, "{\"error\":\"cannot join: channel pending removal\"}"));

                assertThatThrownBy(() -> client(server, Duration.ofSeconds(5)).join(BLOCK))
                        .isInstanceOfSatisfying(
                                FabricAdminException.class,
                                e -> assertThat(e.status()).isEqualTo("HTTP 409"));
            }
        }

        @Test
        void server_error_with_a_plain_body_keeps_the_body() {
            try (FakeOsnAdminServer server = FakeOsnAdminServer.plainHttp()) {
                server.answer(FakeOsnAdminServer.Answer.of(503, "upstream down"));

                assertThatThrownBy(() -> client(server, Duration.ofSeconds(5)).listChannels())
                        .isInstanceOfSatisfying(FabricAdminException.class, e -> {
                            assertThat(e.status()).isEqualTo("HTTP 503");
                            assertThat(e.detail()).isEqualTo("upstream down");
                        });
            }
        }

        @Test
        void slow_orderer_times_out() {
            try (FakeOsnAdminServer server = FakeOsnAdminServer.plainHttp()) {
                server.answer(new FakeOsnAdminServer.Answer(200, "{\"channels\":[]}", 3_000));

                assertThatThrownBy(() -> client(server, Duration.ofMillis(300)).listChannels())
                        .isInstanceOfSatisfying(FabricAdminException.class, e -> {
                            assertThat(e.kind()).isEqualTo(FabricAdminException.Kind.TIMEOUT);
                            assertThat(e.detail()).isEqualTo("no answer within 300 ms");
                        });
            }
        }

        @Test
        void closed_port_is_unavailable() throws Exception {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            OsnAdminClient client = new OsnAdminClient(
                    OsnAdminEndpoint.plainHttp("orderer0.example.com", "127.0.0.1", port), Duration.ofSeconds(2));

            assertThatThrownBy(client::listChannels)
                    .isInstanceOfSatisfying(
                            FabricAdminException.class,
                            e -> assertThat(e.kind()).isEqualTo(FabricAdminException.Kind.UNAVAILABLE));
        }

        @Test
        void lists_inspects_and_removes_channels() {
            try (FakeOsnAdminServer server = FakeOsnAdminServer.plainHttp()) {
                OsnAdminClient client = client(server, Duration.ofSeconds(5));

                server.answer(FakeOsnAdminServer.Answer.of(
                        200,
                        "{\"systemChannel\":null,\"channels\":[{\"name\":\"a\",\"url\":\"/participation/v1/channels/a\"},"
                                + "{\"name\":\"mychannel\",\"url\":\"/participation/v1/channels/mychannel\"}]}"));
                assertThat(client.listChannels()).containsExactly("a", "mychannel");

                server.answer(FakeOsnAdminServer.Answer.of(200, CREATED));
                assertThat(client.channel("mychannel")).map(OsnChannel::height).contains(1L);

                server.answer(FakeOsnAdminServer.Answer.of(404, "{\"error\":\"channel not found\"}"));
                assertThat(client.channel("gone")).isEmpty();
                assertThat(client.remove("gone")).isFalse();

                server.answer(FakeOsnAdminServer.Answer.of(204, ""));
                assertThat(client.remove("mychannel")).isTrue();
                assertThat(server.requests())
                        .extracting(FakeOsnAdminServer.Request::method)
                        .containsExactly("GET", "GET", "GET", "DELETE", "DELETE");
                assertThat(server.requests().get(4).path()).isEqualTo("/participation/v1/channels/mychannel");
            }
        }
    }
}
