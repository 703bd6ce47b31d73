package dev.weft.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.weft.gateway.fake.FakeFabricResource;
import dev.weft.gateway.fake.RestartableKafkaResource;
import dev.weft.service.security.Roles;
import dev.weft.testing.security.TestCredentials;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each route of the gateway against each role: reads need marbles:read, writes marbles:write, nothing else will do. */
@QuarkusTest
@QuarkusTestResource(TestCredentials.Resource.class)
@QuarkusTestResource(FakeFabricResource.class)
@QuarkusTestResource(RestartableKafkaResource.class)
class GatewaySecurityIT {

    @TestHTTPResource("/api/v1/events")
    URI events;

    private static RequestSpecification as(String key) {
        return given().header("X-API-Key", TestCredentials.apiKey(key));
    }

    private static String newMarble(String name) {
        return "{\"name\":\"" + name + "\",\"color\":\"blue\",\"size\":3,\"owner\":\"tom\"}";
    }

    private static String created() {
        String name = MarblesRestIT.unique("sec");
        as(TestCredentials.WRITER)
                .contentType(ContentType.JSON)
                .body(newMarble(name))
                .post("/api/v1/marbles")
                .then()
                .statusCode(201);
        return name;
    }

    @Nested
    class Readers {

        @Test
        void read_query_follow_transactions_and_events() throws Exception {
            String name = created();
            as(TestCredentials.READER)
                    .get("/api/v1/marbles/{name}", name)
                    .then()
                    .statusCode(200);
            as(TestCredentials.READER)
                    .get("/api/v1/marbles/{name}/history", name)
                    .then()
                    .statusCode(200);
            as(TestCredentials.READER).get("/api/v1/marbles?owner=tom").then().statusCode(200);
            // The fake ledger has no rich queries (501, like LevelDB): past the role check is what counts here.
            int query = as(TestCredentials.READER)
                    .contentType(ContentType.JSON)
                    .body("{\"selector\":{\"owner\":\"tom\"}}")
                    .post("/api/v1/marbles/queries")
                    .then()
                    .extract()
                    .statusCode();
            assertThat(query).isNotIn(401, 403);
            int transaction = as(TestCredentials.READER)
                    .get("/api/v1/transactions/no-such-tx")
                    .then()
                    .extract()
                    .statusCode();
            assertThat(transaction).isNotIn(401, 403);
            assertThat(sseStatus(TestCredentials.apiKey(TestCredentials.READER)))
                    .isEqualTo(200);
        }

        @Test
        void may_not_write() {
            String name = created();
            as(TestCredentials.READER)
                    .contentType(ContentType.JSON)
                    .body(newMarble(MarblesRestIT.unique("sec")))
                    .post("/api/v1/marbles")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://weft.dev/problems/forbidden"));
            as(TestCredentials.READER)
                    .contentType(ContentType.JSON)
                    .body("{\"owner\":\"ann\"}")
                    .put("/api/v1/marbles/{name}/owner", name)
                    .then()
                    .statusCode(403);
            as(TestCredentials.READER)
                    .contentType(ContentType.JSON)
                    .body("{\"color\":\"blue\",\"newOwner\":\"ann\"}")
                    .post("/api/v1/marbles/transfers")
                    .then()
                    .statusCode(403);
            as(TestCredentials.READER)
                    .delete("/api/v1/marbles/{name}", name)
                    .then()
                    .statusCode(403);
            as(TestCredentials.WRITER)
                    .delete("/api/v1/marbles/{name}", name)
                    .then()
                    .statusCode(200);
        }
    }

    @Nested
    class Writers {

        @Test
        void may_write_with_a_key_or_a_token_but_not_read() {
            String name = created();
            given().auth()
                    .oauth2(TestCredentials.token(Roles.MARBLES_WRITE))
                    .contentType(ContentType.JSON)
                    .body("{\"owner\":\"ann\"}")
                    .put("/api/v1/marbles/{name}/owner", name)
                    .then()
                    .statusCode(200);
            as(TestCredentials.WRITER)
                    .get("/api/v1/marbles/{name}", name)
                    .then()
                    .statusCode(403);
        }
    }

    @Test
    void admin_roles_of_other_services_get_403() {
        as(TestCredentials.NETWORK_ADMIN)
                .get("/api/v1/marbles?owner=tom")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestCredentials.token(Roles.CHAINCODE_ADMIN))
                .get("/api/v1/marbles?owner=tom")
                .then()
                .statusCode(403);
    }

    @Test
    void every_route_answers_401_without_credentials() throws Exception {
        given().get("/api/v1/marbles/m1").then().statusCode(401).contentType("application/problem+json");
        given().get("/api/v1/marbles?owner=tom").then().statusCode(401);
        given().contentType(ContentType.JSON)
                .body(newMarble("nobody"))
                .post("/api/v1/marbles")
                .then()
                .statusCode(401);
        given().contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/marbles/queries")
                .then()
                .statusCode(401);
        given().delete("/api/v1/marbles/m1").then().statusCode(401);
        given().get("/api/v1/transactions/tx1").then().statusCode(401);
        assertThat(sseStatus(null)).isEqualTo(401);
    }

    @Test
    void refused_credentials_answer_401() throws Exception {
        long now = Instant.now().getEpochSecond();
        String expired = TestCredentials.sign(
                TestCredentials.claims(Roles.MARBLES_READ).issuedAt(now - 600).expiresAt(now - 300));
        given().auth().oauth2(expired).get("/api/v1/marbles/m1").then().statusCode(401);
        as(TestCredentials.REVOKED).get("/api/v1/marbles/m1").then().statusCode(401);
        given().header("X-API-Key", "weft_unknown")
                .get("/api/v1/marbles/m1")
                .then()
                .statusCode(401);
        assertThat(sseStatus("weft_unknown")).isEqualTo(401);
    }

    @Test
    void probes_metrics_and_the_openapi_document_stay_open() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/started").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }

    /** The status of an SSE request; the stream itself is dropped as soon as the headers are in. */
    private int sseStatus(String apiKey) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(events).timeout(Duration.ofSeconds(20)).header("Accept", "text/event-stream");
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        HttpResponse<java.io.InputStream> response =
                HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        response.body().close();
        return response.statusCode();
    }
}
