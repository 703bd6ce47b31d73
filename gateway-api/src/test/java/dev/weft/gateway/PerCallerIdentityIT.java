package dev.weft.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.gateway.fake.FakeFabric;
import dev.weft.gateway.fake.FakeFabricCa;
import dev.weft.gateway.fake.FakeFabricCaResource;
import dev.weft.gateway.fake.FakeFabricResource;
import dev.weft.gateway.fake.FakeGatewayService;
import dev.weft.gateway.fake.RestartableKafkaResource;
import dev.weft.gateway.identity.ca.Pems;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.UUID;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.junit.jupiter.api.Test;

/**
 * Per-caller identities: each authenticated caller's transactions are created (signed proposal's SignatureHeader)
 * by its own certificate, enrolled through a fake Fabric CA under the org CA; anonymous callers use the org's.
 */
@QuarkusTest
@TestProfile(PerCallerIdentityIT.PerCaller.class)
@QuarkusTestResource(FakeFabricResource.class)
@QuarkusTestResource(RestartableKafkaResource.class)
class PerCallerIdentityIT {

    /** {@code weft.gateway.identity.mode=per-caller} with a fake CA. */
    public static final class PerCaller implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FakeFabricCaResource.class));
        }
    }

    static FakeGatewayService fake() {
        return FakeFabric.service();
    }

    static String createMarble() {
        String name = "m-" + UUID.randomUUID().toString().substring(0, 8);
        return given().contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"color\":\"blue\",\"size\":3,\"owner\":\"tom\"}")
                .post("/api/v1/marbles")
                .then()
                .statusCode(201)
                .extract()
                .path("transactionId");
    }

    static X509Certificate creatorOf(String transactionId) {
        SerializedIdentity creator = fake().creators.get(transactionId);
        assertThat(creator).as("creator of %s", transactionId).isNotNull();
        assertThat(creator.getMspid()).isEqualTo(FakeGatewayService.MSP_ID);
        return Pems.certificate(creator.getIdBytes().toByteArray());
    }

    static X509Certificate stored(String enrollmentId) throws Exception {
        return Pems.certificate(Files.readAllBytes(FakeFabricCaResource.storeDir()
                .resolve("callers")
                .resolve(enrollmentId)
                .resolve("cert.pem")));
    }

    @Test
    @TestSecurity(user = "alice", roles = "marbles:write")
    void alices_transactions_are_created_by_alices_enrolled_certificate() throws Exception {
        X509Certificate creator = creatorOf(createMarble());

        assertThat(creator).isEqualTo(stored("caller-alice"));
        assertThat(creator.getSubjectX500Principal().getName()).contains("CN=caller-alice");
        creator.verify(FakeFabricCaResource.ORG1.ca().certificate().getPublicKey());
        assertThat(FakeFabricCa.attributes(creator)).containsEntry("weft.caller", "alice");
    }

    @Test
    @TestSecurity(user = "bob", roles = "marbles:write")
    void bobs_transactions_are_created_by_bobs_certificate_not_alices() throws Exception {
        String first = createMarble();
        String second = createMarble();

        X509Certificate creator = creatorOf(first);
        assertThat(creator).isEqualTo(stored("caller-bob"));
        assertThat(creatorOf(second)).isEqualTo(creator);
        assertThat(FakeFabricCa.attributes(creator)).containsEntry("weft.caller", "bob");
        Path alice = FakeFabricCaResource.storeDir().resolve("callers/caller-alice/cert.pem");
        if (Files.exists(alice)) {
            assertThat(creator).isNotEqualTo(stored("caller-alice"));
        }
        assertThat(FakeFabricCaResource.ca().enrollmentsOf("caller-bob"))
                .as("enrolled once, then reused")
                .isEqualTo(1);
    }

    @Test
    @TestSecurity(user = "carol", roles = "marbles:read")
    void queries_are_signed_by_the_caller_too() throws Exception {
        given().get("/api/v1/marbles/{name}", "no-such-marble").then().statusCode(404);

        X509Certificate creator =
                Pems.certificate(fake().lastEvaluateCreator.get().getIdBytes().toByteArray());
        assertThat(creator).isEqualTo(stored("caller-carol"));
    }

    @Test
    // Anonymous callers exist only with authentication off (weft.security.enabled=false); this is how a test gets one.
    @TestSecurity(authorizationEnabled = false)
    void anonymous_callers_use_the_org_identity() throws Exception {
        X509Certificate creator = creatorOf(createMarble());

        assertThat(creator).isEqualTo(OrgIdentityIT.orgCertificate());
    }
}
