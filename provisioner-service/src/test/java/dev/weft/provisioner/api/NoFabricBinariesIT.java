package dev.weft.provisioner.api;

import static dev.weft.testing.security.TestCredentials.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.weft.kafka.embedded.EmbeddedKafkaResource;
import dev.weft.testing.security.TestCredentials;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The real local runtime without Fabric binaries: the service runs and says what is missing. */
@QuarkusTest
@QuarkusTestResource(TestCredentials.Resource.class)
@TestProfile(NoFabricBinariesIT.Profile.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
class NoFabricBinariesIT {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "weft.provisioner.local.fabric-bin", "/nonexistent/fabric/bin",
                    "weft.provisioner.work-dir", "target/no-fabric-networks");
        }
    }

    @Test
    void a_local_network_request_answers_503_naming_fabric_bin_and_where_binaries_come_from() {
        given().contentType("application/json")
                .body("{\"name\":\"nobin\"}")
                .post("/api/v1/networks")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("detail", containsString("FABRIC_BIN"))
                .body("detail", containsString("github.com/hyperledger/fabric/releases"));

        given().get("/api/v1/networks/nobin").then().statusCode(404);
    }

    @Test
    void health_stays_up_and_reports_the_problem() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'provisioner' }.data.runtimeAvailable", equalTo(false))
                .body("checks.find { it.name == 'provisioner' }.data.runtimeProblem", containsString("FABRIC_BIN"));
    }
}
