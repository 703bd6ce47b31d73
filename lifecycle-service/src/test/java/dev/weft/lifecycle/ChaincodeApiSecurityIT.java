package dev.weft.lifecycle;

import static io.restassured.RestAssured.given;

import dev.weft.kafka.embedded.EmbeddedKafkaResource;
import dev.weft.service.security.Roles;
import dev.weft.testing.security.TestCredentials;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

/** {@code /api/v1/chaincodes} needs chaincode:admin; the probes and metrics stay open. */
@QuarkusTest
@TestProfile(FakeFabricProfile.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(TestCredentials.Resource.class)
class ChaincodeApiSecurityIT {

    private static RequestSpecification as(String key) {
        return given().header("X-API-Key", TestCredentials.apiKey(key));
    }

    @Test
    void a_chaincode_admin_may_use_the_api_with_a_key_or_a_token() {
        as(TestCredentials.CHAINCODE_ADMIN).get("/api/v1/chaincodes").then().statusCode(200);
        given().auth()
                .oauth2(TestCredentials.token(Roles.CHAINCODE_ADMIN))
                .get("/api/v1/chaincodes/none")
                .then()
                .statusCode(404);
    }

    @Test
    void other_roles_get_403() {
        for (String key :
                new String[] {TestCredentials.NETWORK_ADMIN, TestCredentials.READER, TestCredentials.WRITER}) {
            as(key).get("/api/v1/chaincodes").then().statusCode(403).contentType("application/problem+json");
            as(key).contentType("application/json")
                    .body("{\"name\":\"forbidden\"}")
                    .post("/api/v1/chaincodes")
                    .then()
                    .statusCode(403);
            as(key).delete("/api/v1/chaincodes/forbidden").then().statusCode(403);
        }
    }

    @Test
    void no_or_refused_credentials_get_401() {
        given().get("/api/v1/chaincodes").then().statusCode(401).contentType("application/problem+json");
        given().contentType("application/json")
                .body("{\"name\":\"anon\"}")
                .post("/api/v1/chaincodes")
                .then()
                .statusCode(401);
        as(TestCredentials.REVOKED).get("/api/v1/chaincodes").then().statusCode(401);
        given().auth()
                .oauth2(TestCredentials.sign(
                        TestCredentials.claims(Roles.CHAINCODE_ADMIN).audience("other")))
                .get("/api/v1/chaincodes")
                .then()
                .statusCode(401);
    }

    @Test
    void probes_and_metrics_stay_open() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
    }
}
