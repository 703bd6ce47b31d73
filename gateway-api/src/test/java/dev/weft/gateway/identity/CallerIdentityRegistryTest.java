package dev.weft.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.fabric.admin.crypto.CryptoGenerator;
import dev.weft.fabric.admin.crypto.OrgMaterial;
import dev.weft.fabric.admin.crypto.Topology;
import dev.weft.gateway.fake.FakeFabricCa;
import dev.weft.gateway.identity.ca.Enrollment;
import dev.weft.gateway.identity.ca.FabricCaClient;
import dev.weft.gateway.identity.ca.FabricCaException;
import dev.weft.gateway.identity.ca.Pems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry against a fake Fabric CA over TLS that checks tokens as fabric-ca-server does. */
class CallerIdentityRegistryTest {

    private static final OrgMaterial ORG1 =
            new CryptoGenerator().generate(Topology.walkthrough()).org("Org1");

    @TempDir
    Path dir;

    private FakeFabricCa ca;
    private Path tlsCa;

    @BeforeEach
    void start() throws Exception {
        ca = FakeFabricCa.start(ORG1.ca(), ORG1.tlsCa(), "admin", "adminpw");
        tlsCa = dir.resolve("tls-ca.pem");
        Files.write(tlsCa, ORG1.tlsCa().certificatePem());
    }

    @AfterEach
    void stop() {
        ca.close();
    }

    private CallerIdentityRegistry registry() {
        return registry("adminpw");
    }

    private CallerIdentityRegistry registry(String registrarSecret) {
        return new CallerIdentityRegistry(
                client(),
                new EnrollmentStore(dir.resolve("identities")),
                new EnrollmentIds("caller-"),
                new CallerIdentityRegistry.Settings("admin", "client", null),
                () -> registrarSecret,
                Clock.systemUTC());
    }

    private FabricCaClient client() {
        return FabricCaClient.create(ca.url(), Optional.of(tlsCa), Optional.empty(), Duration.ofSeconds(30));
    }

    @Test
    void first_use_registers_and_enrolls_the_caller_under_the_org_ca() throws Exception {
        Enrollment alice = registry().enrollment("alice");

        assertThat(alice.enrollmentId()).isEqualTo("caller-alice");
        alice.certificate().verify(ORG1.ca().certificate().getPublicKey());
        assertThat(alice.certificate().getSubjectX500Principal().getName()).contains("CN=caller-alice");
        assertThat(FakeFabricCa.attributes(alice.certificate())).containsEntry("weft.caller", "alice");
        assertThat(alice.certificate().getPublicKey().getEncoded())
                .as("the key was made here; the CA only saw the CSR")
                .isNotNull();
        assertThat(ca.registrations).hasValue(1);
        assertThat(ca.enrollmentsOf("caller-alice")).isEqualTo(1);
        assertThat(ca.rejectedTokens).hasValue(0);
    }

    @Test
    void a_restart_reuses_the_stored_identities_and_registers_nothing() {
        Enrollment first = registry().enrollment("alice");

        Enrollment again = registry().enrollment("alice");

        assertThat(again.certificatePem()).isEqualTo(first.certificatePem());
        assertThat(again.privateKey().getEncoded()).isEqualTo(first.privateKey().getEncoded());
        assertThat(ca.registrations).hasValue(1);
        assertThat(ca.enrollmentsOf("caller-alice")).isEqualTo(1);
        assertThat(ca.enrollmentsOf("admin"))
                .as("the registrar is enrolled once, too")
                .isEqualTo(1);
    }

    @Test
    void the_registrar_is_enrolled_once_for_many_callers() {
        CallerIdentityRegistry registry = registry();

        registry.enrollment("alice");
        registry.enrollment("bob");
        registry.enrollment("carol");

        assertThat(ca.enrollmentsOf("admin")).isEqualTo(1);
        assertThat(ca.registrations).hasValue(3);
    }

    @Test
    void a_caller_registered_by_an_attempt_that_crashed_before_enrolling_converges() {
        ca.registerDirectly("caller-bob", "a secret nobody kept");

        Enrollment bob = registry().enrollment("bob");

        assertThat(bob.enrollmentId()).isEqualTo("caller-bob");
        assertThat(ca.secretResets).hasValue(1);
        assertThat(ca.registrations).hasValue(0);
        assertThat(ca.enrollmentsOf("caller-bob")).isEqualTo(1);
    }

    @Test
    void a_lost_identity_file_is_enrolled_again_without_a_second_registration() throws Exception {
        registry().enrollment("alice");
        deleteTree(dir.resolve("identities/callers/caller-alice"));

        Enrollment again = registry().enrollment("alice");

        assertThat(again.enrollmentId()).isEqualTo("caller-alice");
        assertThat(ca.registrations).hasValue(1);
        assertThat(ca.secretResets).hasValue(1);
        assertThat(ca.enrollmentsOf("caller-alice")).isEqualTo(2);
    }

    @Test
    void a_wrong_registrar_secret_surfaces_the_cas_error_code_and_message_without_the_secret() {
        assertThatThrownBy(() -> registry("wrong-secret-value").enrollment("alice"))
                .isInstanceOfSatisfying(FabricCaException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(401);
                    assertThat(e.has(FabricCaException.AUTHENTICATION_FAILURE)).isTrue();
                })
                .hasMessageContaining("enroll admin")
                .hasMessageContaining("code 20: Authentication failure")
                .hasMessageNotContaining("wrong-secret-value");
        assertThat(dir.resolve("identities/callers/caller-alice")).doesNotExist();
    }

    @Test
    void a_duplicate_registration_is_reported_with_the_cas_code() {
        Enrollment admin = client().enroll("admin", "adminpw");
        FabricCaClient.Registration registration =
                new FabricCaClient.Registration("caller-dup", "client", null, "s3cret", List.of());
        client().register(admin, registration);

        assertThatThrownBy(() -> client().register(admin, registration))
                .isInstanceOfSatisfying(FabricCaException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(409);
                    assertThat(e.has(FabricCaException.IDENTITY_ALREADY_REGISTERED))
                            .isTrue();
                })
                .hasMessageContaining("register caller-dup");
    }

    @Test
    void cainfo_reports_the_org_ca() {
        FabricCaClient.CaInfo info = client().caInfo();

        assertThat(info.caChain()).containsExactly(ORG1.ca().certificate());
        assertThat(info.caName()).isEqualTo(ORG1.ca().name());
    }

    @Test
    void an_https_ca_is_not_trusted_under_another_ca_certificate() throws Exception {
        Path other = dir.resolve("other.pem");
        Files.write(other, Pems.pem(ORG1.ca().certificate()));
        FabricCaClient untrusting =
                FabricCaClient.create(ca.url(), Optional.of(other), Optional.empty(), Duration.ofSeconds(30));

        assertThatThrownBy(untrusting::caInfo)
                .isInstanceOf(FabricCaException.class)
                .hasMessageContaining("cannot reach");
    }

    @Test
    void an_https_url_without_a_tls_certificate_is_rejected_naming_what_is_missing() {
        assertThatThrownBy(() ->
                        FabricCaClient.create(ca.url(), Optional.empty(), Optional.empty(), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no TLS CA certificate");
    }

    private static void deleteTree(Path path) throws Exception {
        try (var walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
