package dev.weft.chaincode.marbles.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.chaincode.testpeer.TestPki;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerConfigTest {

    private static Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    private static void assertRejected(Map<String, String> env, String variable, String fragment) {
        assertThatThrownBy(() -> ServerConfig.fromEnvironment(env))
                .isInstanceOfSatisfying(
                        ConfigException.class, e -> assertThat(e.variable()).isEqualTo(variable))
                .hasMessageStartingWith(variable + ": ")
                .hasMessageContaining(fragment);
    }

    @Nested
    class Address {
        @Test
        void reads_host_and_port() {
            ServerConfig config = ServerConfig.fromEnvironment(
                    env("CHAINCODE_SERVER_ADDRESS", "127.0.0.1:9999", "CHAINCODE_ID", "marbles:1"));

            assertThat(config.address().getPort()).isEqualTo(9999);
            assertThat(config.tls()).isEmpty();
            assertThat(config.transactionThreads()).isEqualTo(16);
        }

        @Test
        void is_required() {
            assertRejected(env("CHAINCODE_ID", "marbles:1"), "CHAINCODE_SERVER_ADDRESS", "is not set");
        }

        @Test
        void needs_a_port() {
            assertRejected(
                    env("CHAINCODE_SERVER_ADDRESS", "0.0.0.0", "CHAINCODE_ID", "marbles:1"),
                    "CHAINCODE_SERVER_ADDRESS",
                    "host:port");
            assertRejected(
                    env("CHAINCODE_SERVER_ADDRESS", "0.0.0.0:70000", "CHAINCODE_ID", "marbles:1"),
                    "CHAINCODE_SERVER_ADDRESS",
                    "1 to 65535");
        }
    }

    @Nested
    class ChaincodeId {
        @Test
        void accepts_core_chaincode_id_name() {
            ServerConfig config = ServerConfig.fromEnvironment(
                    env("CHAINCODE_SERVER_ADDRESS", "127.0.0.1:9999", "CORE_CHAINCODE_ID_NAME", "marbles:2"));

            assertThat(config.chaincodeId()).isEqualTo("marbles:2");
        }

        @Test
        void is_required() {
            assertRejected(env("CHAINCODE_SERVER_ADDRESS", "127.0.0.1:9999"), "CHAINCODE_ID", "is not set");
        }

        @Test
        void must_agree_when_both_names_are_set() {
            assertRejected(
                    env(
                            "CHAINCODE_SERVER_ADDRESS", "127.0.0.1:9999",
                            "CHAINCODE_ID", "a:1",
                            "CORE_CHAINCODE_ID_NAME", "b:1"),
                    "CHAINCODE_ID",
                    "differs from CORE_CHAINCODE_ID_NAME");
        }
    }

    @Nested
    class Tls {
        @TempDir
        Path dir;

        private Map<String, String> base() {
            return env("CHAINCODE_SERVER_ADDRESS", "127.0.0.1:9999", "CHAINCODE_ID", "marbles:1");
        }

        @Test
        void enables_mutual_tls_with_a_client_ca() {
            TestPki pki = TestPki.generate(dir);
            Map<String, String> env = base();
            env.put("CHAINCODE_TLS_CERT_FILE", pki.serverCert().toString());
            env.put("CHAINCODE_TLS_KEY_FILE", pki.serverKey().toString());
            env.put("CHAINCODE_TLS_CLIENT_CA_FILE", pki.caCert().toString());

            ServerConfig config = ServerConfig.fromEnvironment(env);

            assertThat(config.tls())
                    .hasValueSatisfying(tls -> assertThat(tls.mutual()).isTrue());
        }

        @Test
        void needs_the_certificate_with_the_key() {
            TestPki pki = TestPki.generate(dir);
            Map<String, String> env = base();
            env.put("CHAINCODE_TLS_KEY_FILE", pki.serverKey().toString());

            assertRejected(env, "CHAINCODE_TLS_CERT_FILE", "TLS needs both");
        }

        @Test
        void names_a_missing_file() {
            TestPki pki = TestPki.generate(dir);
            Map<String, String> env = base();
            env.put("CHAINCODE_TLS_CERT_FILE", pki.serverCert().toString());
            env.put("CHAINCODE_TLS_KEY_FILE", dir.resolve("missing.key").toString());

            assertRejected(env, "CHAINCODE_TLS_KEY_FILE", "does not exist");
        }

        @Test
        void explains_a_key_that_is_not_pkcs8() throws IOException {
            TestPki pki = TestPki.generate(dir);
            Path sec1 = Files.writeString(
                    dir.resolve("sec1.key"), "-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----\n");
            Map<String, String> env = base();
            env.put("CHAINCODE_TLS_CERT_FILE", pki.serverCert().toString());
            env.put("CHAINCODE_TLS_KEY_FILE", sec1.toString());

            assertRejected(env, "CHAINCODE_TLS_KEY_FILE", "PKCS#8");
        }

        @Test
        void refuses_a_client_ca_without_tls() {
            TestPki pki = TestPki.generate(dir);
            Map<String, String> env = base();
            env.put("CHAINCODE_TLS_CLIENT_CA_FILE", pki.caCert().toString());

            assertRejected(env, "CHAINCODE_TLS_CLIENT_CA_FILE", "needs TLS");
        }
    }

    @Test
    void rejects_a_bad_thread_count() {
        assertRejected(
                env("CHAINCODE_SERVER_ADDRESS", "127.0.0.1:9999", "CHAINCODE_ID", "m:1", "CHAINCODE_TX_THREADS", "0"),
                "CHAINCODE_TX_THREADS",
                "1 to 1024");
    }
}
