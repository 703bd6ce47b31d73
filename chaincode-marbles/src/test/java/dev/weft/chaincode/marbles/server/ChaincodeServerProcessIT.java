package dev.weft.chaincode.marbles.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.chaincode.testpeer.ChaincodeConnection;
import dev.weft.chaincode.testpeer.TestPeer;
import dev.weft.chaincode.testpeer.TestPki;
import dev.weft.chaincode.testpeer.TlsOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runnable jar as a process: configured by environment variables, refusing bad settings, stopping on SIGTERM. */
class ChaincodeServerProcessIT {

    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration EXIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void serves_plaintext_and_stops_cleanly_on_sigterm() {
        int port = ServerProcess.freePort();
        try (ServerProcess server = ServerProcess.start(
                Map.of("CHAINCODE_SERVER_ADDRESS", "127.0.0.1:" + port, "CHAINCODE_ID", "marbles_1.0:abc"),
                List.of())) {
            try (ChaincodeConnection peer = server.connect(TestPeer.Options.of("127.0.0.1", port), START)) {
                assertThat(peer.registeredChaincodeId()).isEqualTo("marbles_1.0:abc");
                assertThat(peer.invoke("initMarble", "marble1", "blue", "35", "tom")
                                .isSuccess())
                        .isTrue();
                assertThat(peer.query("readMarble", "marble1").payloadUtf8()).contains("\"owner\":\"tom\"");

                int exit = server.terminate(EXIT);

                assertThat(exit).as(server.output()).isEqualTo(143);
                assertThat(server.output()).contains("serving chaincode marbles_1.0:abc", "stopped");
            }
        }
    }

    @Test
    void serves_mutual_tls_from_the_tls_variables() {
        TestPki pki = TestPki.generate(dir);
        int port = ServerProcess.freePort();
        try (ServerProcess server = ServerProcess.start(
                Map.of(
                        "CHAINCODE_SERVER_ADDRESS", "127.0.0.1:" + port,
                        "CORE_CHAINCODE_ID_NAME", "marbles_1.0:abc",
                        "CHAINCODE_TLS_CERT_FILE", pki.serverCert().toString(),
                        "CHAINCODE_TLS_KEY_FILE", pki.serverKey().toString(),
                        "CHAINCODE_TLS_CLIENT_CA_FILE", pki.caCert().toString()),
                List.of())) {
            TestPeer.Options options = TestPeer.Options.of("127.0.0.1", port)
                    .withTls(TlsOptions.mutualTls(pki.caCert(), pki.clientCert(), pki.clientKey()));
            try (ChaincodeConnection peer = server.connect(options, START)) {
                assertThat(peer.invoke("initMarble", "marble1", "blue", "35", "tom")
                                .isSuccess())
                        .isTrue();
            }
            assertThat(server.output()).contains("(mutual TLS)");
        }
    }

    @Test
    void exits_at_once_naming_a_missing_variable() {
        try (ServerProcess server = ServerProcess.start(Map.of("CHAINCODE_ID", "marbles_1.0:abc"), List.of())) {
            assertThat(server.awaitExit(EXIT)).isEqualTo(ChaincodeServerMain.EXIT_CONFIG);
            assertThat(server.output()).contains("invalid configuration: CHAINCODE_SERVER_ADDRESS: is not set");
        }
    }

    @Test
    void exits_at_once_naming_an_unreadable_tls_file() {
        TestPki pki = TestPki.generate(dir);
        try (ServerProcess server = ServerProcess.start(
                Map.of(
                        "CHAINCODE_SERVER_ADDRESS",
                        "127.0.0.1:" + ServerProcess.freePort(),
                        "CHAINCODE_ID",
                        "marbles_1.0:abc",
                        "CHAINCODE_TLS_CERT_FILE",
                        dir.resolve("nope.pem").toString(),
                        "CHAINCODE_TLS_KEY_FILE",
                        pki.serverKey().toString()),
                List.of())) {
            assertThat(server.awaitExit(EXIT)).isEqualTo(ChaincodeServerMain.EXIT_CONFIG);
            assertThat(server.output())
                    .contains("CHAINCODE_TLS_CERT_FILE: file")
                    .contains("does not exist");
        }
    }
}
