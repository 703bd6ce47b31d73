package dev.weft.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.fabric.admin.crypto.CryptoGenerator;
import dev.weft.fabric.admin.crypto.CryptoMaterial;
import dev.weft.fabric.admin.crypto.CryptoStore;
import dev.weft.fabric.admin.crypto.OrgMaterial;
import dev.weft.fabric.admin.crypto.Topology;
import dev.weft.gateway.fake.FakeFabricCa;
import dev.weft.gateway.identity.ca.Enrollment;
import dev.weft.gateway.identity.ca.FabricCaClient;
import dev.weft.gateway.identity.ca.FabricCaException;
import dev.weft.testing.FabricBinaries;
import dev.weft.testing.RequiresFabricBinaries;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Fabric CA client and the caller registry against a real {@code fabric-ca-server} (TLS on, bootstrapped with
 * Org1's CA as the local runtime and the chart do): the server accepts our tokens for register and modify-identity,
 * what it enrolls chains to the org CA and carries {@code weft.caller}, and a second registry reuses the stored
 * identity.
 */
@RequiresFabricBinaries
class FabricCaServerE2eIT {

    /** A port range of its own, so that this test does not collide with the other e2e tests' nodes. */
    private static final int FIRST_PORT = 33710;

    @TempDir
    Path work;

    private OrgMaterial org1;
    private Process server;
    private URI url;
    private Path tlsCa;
    private String registrarSecret;

    @BeforeEach
    void start_fabric_ca_server() throws Exception {
        FabricBinaries binaries = FabricBinaries.fromEnvironment();
        assumeTrue(binaries.has("fabric-ca-server"), "fabric-ca-server is not in FABRIC_BIN");
        CryptoMaterial crypto = new CryptoGenerator().generate(Topology.walkthrough());
        Path root = work.resolve("crypto-config");
        CryptoStore.writeTo(crypto, root);
        org1 = crypto.org("Org1");
        Path caDir = root.resolve(org1.directory()).resolve("ca");
        int port = freePort(FIRST_PORT);
        int operationsPort = freePort(port + 1);
        registrarSecret = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
        Path home = work.resolve("ca-home");
        server = new ProcessBuilder(
                        binaries.executable("fabric-ca-server").toString(),
                        "start",
                        "-b",
                        "admin:" + registrarSecret,
                        "--address",
                        "127.0.0.1",
                        "--port",
                        String.valueOf(port),
                        "--operations.listenaddress",
                        "127.0.0.1:" + operationsPort,
                        "--home",
                        home.toString(),
                        "--tls.enabled",
                        "--ca.certfile",
                        caDir.resolve(org1.ca().certFileName()).toString(),
                        "--ca.keyfile",
                        caDir.resolve("priv_sk").toString())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("fabric-ca-server.log").toFile())
                .start();
        // With TLS on and no certificate given, the server issues its own TLS certificate (localhost) under the CA.
        tlsCa = work.resolve("ca-tls.pem");
        Files.write(tlsCa, org1.ca().certificatePem());
        url = URI.create("https://localhost:" + port);
        awaitCaInfo();
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    private FabricCaClient client() {
        return FabricCaClient.create(url, Optional.of(tlsCa), Optional.empty(), Duration.ofSeconds(10));
    }

    private CallerIdentityRegistry registry() {
        return new CallerIdentityRegistry(
                client(),
                new EnrollmentStore(work.resolve("identities")),
                new EnrollmentIds("caller-"),
                new CallerIdentityRegistry.Settings("admin", "client", null),
                () -> registrarSecret,
                Clock.systemUTC());
    }

    @Test
    void registers_and_enrolls_a_caller_under_the_org_ca_and_reuses_it_after_a_restart() throws Exception {
        assertThat(client().caInfo().caChain()).containsExactly(org1.ca().certificate());

        Enrollment alice = registry().enrollment("alice smith");

        assertThat(alice.enrollmentId()).isEqualTo("caller-alice_20smith");
        alice.certificate().verify(org1.ca().certificate().getPublicKey());
        assertThat(alice.certificate().getIssuerX500Principal())
                .isEqualTo(org1.ca().certificate().getSubjectX500Principal());
        assertThat(alice.certificate().getSubjectX500Principal().getName()).contains("CN=caller-alice_20smith");
        assertThat(FakeFabricCa.attributes(alice.certificate()))
                .containsEntry("weft.caller", "alice smith")
                .containsEntry("hf.EnrollmentID", "caller-alice_20smith");

        Enrollment again = registry().enrollment("alice smith");

        assertThat(again.certificate().getSerialNumber())
                .isEqualTo(alice.certificate().getSerialNumber());
    }

    @Test
    void converges_when_the_caller_was_registered_but_never_enrolled() {
        Enrollment admin = client().enroll("admin", registrarSecret);
        client().register(
                        admin,
                        new FabricCaClient.Registration("caller-bob", "client", null, "lost-secret-1", List.of()));

        Enrollment bob = registry().enrollment("bob");

        assertThat(bob.certificate().getSubjectX500Principal().getName()).contains("CN=caller-bob");
        assertThatThrownBy(() -> client().enroll("caller-bob", "lost-secret-1"))
                .as("the registrar replaced the lost secret")
                .isInstanceOf(FabricCaException.class);
    }

    @Test
    void the_server_reports_a_duplicate_registration_with_its_error_code() {
        Enrollment admin = client().enroll("admin", registrarSecret);
        FabricCaClient.Registration carol =
                new FabricCaClient.Registration("caller-carol", "client", null, null, List.of());
        assertThat(client().register(admin, carol)).isNotBlank();

        assertThatThrownBy(() -> client().register(admin, carol))
                .isInstanceOfSatisfying(
                        FabricCaException.class,
                        e -> assertThat(e.has(FabricCaException.IDENTITY_ALREADY_REGISTERED))
                                .isTrue());
    }

    @Test
    void the_server_rejects_a_token_signed_by_a_key_that_does_not_match_the_certificate() {
        Enrollment admin = client().enroll("admin", registrarSecret);
        Enrollment other = client().enroll("admin", registrarSecret);
        Enrollment forged =
                new Enrollment(admin.enrollmentId(), admin.certificatePem(), admin.certificate(), other.privateKey());

        assertThatThrownBy(() -> client().register(
                                forged, new FabricCaClient.Registration("caller-eve", "client", null, null, List.of())))
                .isInstanceOfSatisfying(
                        FabricCaException.class, e -> assertThat(e.httpStatus()).isEqualTo(401));
    }

    private void awaitCaInfo() throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        FabricCaException last = null;
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) {
                throw new IllegalStateException("fabric-ca-server exited:\n" + log());
            }
            try {
                client().caInfo();
                return;
            } catch (FabricCaException notYet) {
                last = notYet;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(
                "fabric-ca-server did not answer /cainfo within 60 s (" + last + "):\n" + log());
    }

    private String log() throws IOException {
        List<String> lines = Files.readAllLines(work.resolve("fabric-ca-server.log"));
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    private static int freePort(int from) throws IOException {
        for (int port = from; port < 34000; port++) {
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // try the next one
            }
        }
        throw new IOException("no free port in " + from + "-33999");
    }
}
