package dev.weft.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.testing.FabricBinaries;
import dev.weft.testing.RequiresFabricBinaries;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compose environment's chaincode mutual TLS, with the real tools but no container engine: {@code cryptogen}
 * runs the compose {@code crypto-config.yaml}, {@code package-marbles.sh} builds each org's package as the
 * {@code network-setup} service does, and a TLS server holding the files the {@code marbles-<org>} services are
 * given accepts exactly the client that org's {@code connection.json} describes, under the name the peer dials.
 */
@RequiresFabricBinaries
class ComposeChaincodeTlsE2eIT {

    private static final FabricBinaries FABRIC = FabricBinaries.fromEnvironment();

    @TempDir
    static Path work;

    static Path crypto;

    @BeforeAll
    static void cryptogen() throws Exception {
        assumeTrue(FABRIC.has("cryptogen"), "cryptogen is not in FABRIC_BIN");
        crypto = work.resolve("crypto");
        run(
                List.of(
                        FABRIC.executable("cryptogen").toString(),
                        "generate",
                        "--config=" + ComposeFile.FOLDER.resolve("fabric/crypto-config.yaml"),
                        "--output=" + crypto),
                work);
    }

    @Test
    void packages_are_built_once_and_keep_their_id() throws Exception {
        String first = packageMarbles(1);
        String second = packageMarbles(1);

        assertThat(first).matches("marbles_1\\.0:[0-9a-f]{64}").isEqualTo(second);
        assertThat(packageMarbles(2)).as("each org has its own package").isNotEqualTo(first);
        assertThat(Files.readString(crypto.resolve("chaincode/marbles-org1.id")).strip())
                .isEqualTo(first);
    }

    @Test
    void an_orgs_peer_reaches_its_marbles_server_with_mutual_tls_under_the_dialled_name() throws Exception {
        JsonNode connection = connectionJson(1);
        assertThat(connection.path("address").asText()).isEqualTo("marbles-org1:9999");
        assertThat(connection.path("tls_required").asBoolean()).isTrue();
        assertThat(connection.path("client_auth_required").asBoolean()).isTrue();

        try (SSLServerSocket server = marblesServer(1)) {
            CompletableFuture<Integer> served = serveOneByte(server);
            try (SSLSocket client = peerClient(connection, server.getLocalPort())) {
                assertThat(client.getInputStream().read()).isEqualTo(42);
            }
            assertThat(served.get(30, TimeUnit.SECONDS)).isEqualTo(42);
        }
    }

    @Test
    void a_marbles_server_refuses_the_other_orgs_peer() throws Exception {
        JsonNode org2 = connectionJson(2);

        try (SSLServerSocket server = marblesServer(1)) {
            CompletableFuture<Integer> served = serveOneByte(server);
            assertThatThrownBy(() -> {
                        try (SSLSocket client = peerClient(org2, server.getLocalPort())) {
                            client.getInputStream().read();
                        }
                    })
                    .isInstanceOf(IOException.class);
            served.handle((value, failure) -> null).get(30, TimeUnit.SECONDS);
        }
    }

    private static String packageMarbles(int org) throws Exception {
        return run(
                        List.of(
                                "sh",
                                ComposeFile.FOLDER
                                        .resolve("fabric/package-marbles.sh")
                                        .toString(),
                                "" + org),
                        work)
                .strip();
    }

    private static JsonNode connectionJson(int org) throws Exception {
        packageMarbles(org);
        Path unpacked = Files.createTempDirectory(work, "package-org" + org);
        run(
                List.of(
                        "tar",
                        "-xzf",
                        crypto.resolve("chaincode/marbles-org" + org + ".tgz").toString()),
                unpacked);
        run(List.of("tar", "-xzf", "code.tar.gz"), unpacked);
        return new ObjectMapper().readTree(unpacked.resolve("connection.json").toFile());
    }

    /** A TLS server with the files compose gives {@code marbles-org<n>}, requiring a client certificate. */
    private static SSLServerSocket marblesServer(int org) throws Exception {
        Path orgDir = crypto.resolve("peerOrganizations/org" + org + ".example.com");
        Path tls = orgDir.resolve("peers/marbles.org" + org + ".example.com/tls");
        SSLContext context = context(
                Files.readString(tls.resolve("server.crt")),
                Files.readString(tls.resolve("server.key")),
                Files.readString(orgDir.resolve("tlsca/tlsca.org" + org + ".example.com-cert.pem")));
        SSLServerSocket server = (SSLServerSocket)
                context.getServerSocketFactory().createServerSocket(0, 1, InetAddress.getLoopbackAddress());
        server.setNeedClientAuth(true);
        return server;
    }

    /** A TLS client as the peer's {@code ccaas} builder configures it from {@code connection.json}. */
    private static SSLSocket peerClient(JsonNode connection, int port) throws Exception {
        SSLContext context = context(
                connection.path("client_cert").asText(),
                connection.path("client_key").asText(),
                connection.path("root_cert").asText());
        String host = connection.path("address").asText().split(":")[0];
        Socket plain = new Socket(InetAddress.getLoopbackAddress(), port);
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(plain, host, port, true);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
        socket.setSoTimeout(30_000);
        socket.startHandshake();
        return socket;
    }

    private static CompletableFuture<Integer> serveOneByte(SSLServerSocket server) {
        return CompletableFuture.supplyAsync(() -> {
            try (SSLSocket accepted = (SSLSocket) server.accept()) {
                accepted.setSoTimeout(30_000);
                accepted.startHandshake();
                OutputStream out = accepted.getOutputStream();
                out.write(42);
                out.flush();
                return 42;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static SSLContext context(String certificatePem, String keyPem, String trustedPem) throws Exception {
        CertificateFactory x509 = CertificateFactory.getInstance("X.509");
        Certificate certificate = x509.generateCertificate(stream(certificatePem));
        String base64 = keyPem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey key = KeyFactory.getInstance("EC")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));

        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("tls", key, new char[0], new Certificate[] {certificate});
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, new char[0]);

        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("ca", x509.generateCertificate(stream(trustedPem)));
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trusted);

        SSLContext context = SSLContext.getInstance("TLSv1.3");
        context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
        return context;
    }

    private static InputStream stream(String pem) {
        return new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII));
    }

    /** Runs a command with the compose script's variables pointed at this test's folders; returns its stdout. */
    private static String run(List<String> command, Path directory) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().put("PATH", FABRIC.folder() + ":" + System.getenv("PATH"));
        builder.environment().put("CRYPTO_DIR", crypto == null ? "" : crypto.toString());
        builder.environment()
                .put("FABRIC_DIR", ComposeFile.FOLDER.resolve("fabric").toString());
        // The peer CLI reads core.yaml; the release archive has it in config/ next to bin/.
        builder.environment()
                .put("FABRIC_CFG_PATH", FABRIC.folder().resolveSibling("config").toString());
        Path errors = Files.createTempFile(work, "stderr", ".log");
        builder.redirectError(errors.toFile());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError(command + " failed:\n" + out + Files.readString(errors));
        }
        return out;
    }
}
