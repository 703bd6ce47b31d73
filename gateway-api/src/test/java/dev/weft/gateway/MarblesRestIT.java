package dev.weft.gateway;

import static dev.weft.testing.security.TestCredentials.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.weft.gateway.fake.FakeFabric;
import dev.weft.gateway.fake.FakeFabricResource;
import dev.weft.gateway.fake.FakeGatewayService;
import dev.weft.gateway.fake.RestartableKafkaResource;
import dev.weft.testing.security.TestCredentials;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.UUID;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The REST API against a real Fabric Gateway client talking gRPC to an in-process fake peer; the first configured
 * endpoint is down, so every call also goes through the failover.
 */
@QuarkusTest
@QuarkusTestResource(TestCredentials.Resource.class)
@QuarkusTestResource(FakeFabricResource.class)
@QuarkusTestResource(RestartableKafkaResource.class)
class MarblesRestIT {

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static FakeGatewayService fake() {
        return FakeFabric.service();
    }

    static ValidatableResponse create(String name, String color, int size, String owner) {
        return given().contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"color\":\"" + color + "\",\"size\":" + size + ",\"owner\":\""
                        + owner + "\"}")
                .post("/api/v1/marbles")
                .then();
    }

    @AfterEach
    void clear_faults() {
        fake().holdCommitStatus = false;
        fake().readConflictsToInject.set(0);
        fake().nextEndorseFailure.set(null);
    }

    @Nested
    class Marbles {

        @Test
        void create_answers_201_with_the_transaction_id_and_the_marble() {
            String name = unique("m");
            create(name, "Blue", 35, "Tom")
                    .statusCode(201)
                    .header("Location", containsString("/api/v1/marbles/" + name))
                    .body("transactionId", notNullValue())
                    .body("blockNumber", notNullValue())
                    .body("marble.name", equalTo(name))
                    .body("marble.color", equalTo("blue"))
                    .body("marble.owner", equalTo("tom"))
                    .body("marble.size", equalTo(35));
        }

        @Test
        void read_returns_the_stored_marble() {
            String name = unique("m");
            create(name, "red", 5, "ann").statusCode(201);
            given().get("/api/v1/marbles/{name}", name)
                    .then()
                    .statusCode(200)
                    .body("name", equalTo(name))
                    .body("color", equalTo("red"))
                    .body("owner", equalTo("ann"));
        }

        @Test
        void transfer_changes_the_owner_and_history_lists_both_versions() {
            String name = unique("m");
            create(name, "red", 5, "ann").statusCode(201);
            given().contentType(ContentType.JSON)
                    .body("{\"owner\":\"Bob\"}")
                    .put("/api/v1/marbles/{name}/owner", name)
                    .then()
                    .statusCode(200)
                    .body("marble.owner", equalTo("bob"))
                    .body("transactionId", notNullValue());
            given().get("/api/v1/marbles/{name}/history", name)
                    .then()
                    .statusCode(200)
                    .body("", hasSize(2))
                    .body("[0].value.owner", equalTo("bob"))
                    .body("[1].value.owner", equalTo("ann"));
        }

        @Test
        void delete_removes_the_marble() {
            String name = unique("m");
            create(name, "red", 5, "ann").statusCode(201);
            given().delete("/api/v1/marbles/{name}", name)
                    .then()
                    .statusCode(200)
                    .body("marble.name", equalTo(name));
            given().get("/api/v1/marbles/{name}", name).then().statusCode(404);
        }

        @Test
        void transfer_by_colour_moves_every_marble_of_that_colour() {
            String colour = unique("c");
            String a = unique("m");
            String b = unique("m");
            create(a, colour, 1, "ann").statusCode(201);
            create(b, colour, 2, "ann").statusCode(201);
            given().contentType(ContentType.JSON)
                    .body("{\"color\":\"" + colour + "\",\"newOwner\":\"zoe\"}")
                    .post("/api/v1/marbles/transfers")
                    .then()
                    .statusCode(200)
                    .body("summary", containsString("Transferred 2"));
            given().queryParam("owner", "zoe")
                    .get("/api/v1/marbles")
                    .then()
                    .statusCode(200)
                    .body("marbles.name", hasItem(a))
                    .body("marbles.name", hasItem(b));
        }

        @Test
        void range_pages_follow_the_bookmark() {
            String prefix = unique("r");
            for (int i = 0; i < 3; i++) {
                create(prefix + "-" + i, "green", i, "ann").statusCode(201);
            }
            String bookmark = given().queryParam("from", prefix)
                    .queryParam("to", prefix + "~")
                    .queryParam("pageSize", 2)
                    .get("/api/v1/marbles")
                    .then()
                    .statusCode(200)
                    .body("marbles.name", equalTo(java.util.List.of(prefix + "-0", prefix + "-1")))
                    .body("fetchedRecordsCount", equalTo(2))
                    .extract()
                    .path("bookmark");
            given().queryParam("from", prefix)
                    .queryParam("to", prefix + "~")
                    .queryParam("pageSize", 2)
                    .queryParam("bookmark", bookmark)
                    .get("/api/v1/marbles")
                    .then()
                    .statusCode(200)
                    .body("marbles.name", equalTo(java.util.List.of(prefix + "-2")))
                    .body("bookmark", equalTo(""));
            given().queryParam("from", prefix)
                    .queryParam("to", prefix + "~")
                    .get("/api/v1/marbles")
                    .then()
                    .statusCode(200)
                    .body("marbles", hasSize(3))
                    .body("bookmark", nullValue());
        }
    }

    @Nested
    class Errors {

        @Test
        void invalid_input_is_refused_with_the_field_before_reaching_fabric() {
            int endorsements = fake().endorsements.get();
            given().contentType(ContentType.JSON)
                    .body("{\"name\":\"m1\",\"color\":\"blue\",\"size\":-1,\"owner\":\"tom\"}")
                    .post("/api/v1/marbles")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://weft.dev/problems/invalid-input"))
                    .body("title", equalTo("Invalid input"))
                    .body("status", equalTo(400))
                    .body("field", equalTo("size"))
                    .body("instance", equalTo("/api/v1/marbles"));
            given().contentType(ContentType.JSON)
                    .body("{\"color\":\"blue\",\"size\":1,\"owner\":\"tom\"}")
                    .post("/api/v1/marbles")
                    .then()
                    .statusCode(400)
                    .body("field", equalTo("name"));
            given().queryParam("pageSize", 0)
                    .get("/api/v1/marbles")
                    .then()
                    .statusCode(400)
                    .body("field", equalTo("pageSize"));
            assertThat(fake().endorsements.get()).isEqualTo(endorsements);
        }

        @Test
        void malformed_json_is_a_400_problem() {
            given().contentType(ContentType.JSON)
                    .body("{\"name\":\"m1\",\"size\":\"big\"}")
                    .post("/api/v1/marbles")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("field", equalTo("size"));
        }

        @Test
        void a_missing_marble_is_404_from_the_chaincode_code() {
            given().get("/api/v1/marbles/{name}", unique("nope"))
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://weft.dev/problems/not-found"))
                    .body("detail", containsString("Marble does not exist"));
        }

        @Test
        void a_duplicate_marble_is_409_from_the_endorsement_details() {
            String name = unique("m");
            create(name, "red", 5, "ann").statusCode(201);
            create(name, "red", 5, "ann")
                    .statusCode(409)
                    .body("type", equalTo("https://weft.dev/problems/already-exists"))
                    .body("detail", containsString("This marble already exists"));
        }

        @Test
        void rich_queries_on_leveldb_are_501() {
            given().contentType(ContentType.JSON)
                    .body("{\"selector\":{\"owner\":\"tom\"},\"pageSize\":10}")
                    .post("/api/v1/marbles/queries")
                    .then()
                    .statusCode(501)
                    .body("type", equalTo("https://weft.dev/problems/rich-query-unsupported"));
            given().contentType(ContentType.JSON)
                    .body("{\"selector\":\"owner=tom\"}")
                    .post("/api/v1/marbles/queries")
                    .then()
                    .statusCode(400)
                    .body("field", equalTo("selector"));
        }

        @Test
        void an_endorsement_failure_is_502_with_the_peers_messages() {
            fake().nextEndorseFailure
                    .set(FakeGatewayService.endorsementFailure("failed to collect enough transaction endorsements"));
            create(unique("m"), "red", 5, "ann")
                    .statusCode(502)
                    .body("type", equalTo("https://weft.dev/problems/endorsement-failed"))
                    .body("peers[0].address", equalTo(FakeGatewayService.PEER_ADDRESS))
                    .body("peers[0].mspId", equalTo(FakeGatewayService.MSP_ID))
                    .body("peers[0].message", containsString("failed to collect enough"));
        }

        @Test
        void a_commit_status_timeout_is_504_with_the_transaction_id_to_check_later() {
            String name = unique("m");
            fake().holdCommitStatus = true;
            String txId = create(name, "red", 5, "ann")
                    .statusCode(504)
                    .body("type", equalTo("https://weft.dev/problems/commit-status-unknown"))
                    .body("transactionId", notNullValue())
                    .extract()
                    .path("transactionId");
            fake().holdCommitStatus = false;
            given().get("/api/v1/transactions/{id}", txId)
                    .then()
                    .statusCode(200)
                    .body("transactionId", equalTo(txId))
                    .body("status", equalTo("VALID"))
                    .body("blockNumber", notNullValue());
            given().get("/api/v1/marbles/{name}", name).then().statusCode(200);
        }

        @Test
        void an_unknown_transaction_is_pending() {
            given().get("/api/v1/transactions/{id}", "abc123")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("PENDING"));
            given().get("/api/v1/transactions/{id}", "not-hex").then().statusCode(400);
        }
    }

    @Nested
    class RetriesAndIdempotency {

        @Test
        void a_transfer_that_loses_a_read_conflict_is_retried() {
            String name = unique("m");
            create(name, "red", 5, "ann").statusCode(201);
            int submits = fake().submits.get();
            fake().readConflictsToInject.set(2);
            String txId = given().contentType(ContentType.JSON)
                    .body("{\"owner\":\"bob\"}")
                    .put("/api/v1/marbles/{name}/owner", name)
                    .then()
                    .statusCode(200)
                    .body("marble.owner", equalTo("bob"))
                    .extract()
                    .path("transactionId");
            assertThat(fake().submits.get() - submits).isEqualTo(3);
            assertThat(fake().statusOf(txId)).isEqualTo(TxValidationCode.VALID);
        }

        @Test
        void retries_are_bounded_and_the_conflict_is_409_with_the_transaction_id() {
            String name = unique("m");
            create(name, "red", 5, "ann").statusCode(201);
            int submits = fake().submits.get();
            fake().readConflictsToInject.set(10);
            given().delete("/api/v1/marbles/{name}", name)
                    .then()
                    .statusCode(409)
                    .body("type", equalTo("https://weft.dev/problems/read-conflict"))
                    .body("transactionId", notNullValue());
            assertThat(fake().submits.get() - submits).isEqualTo(3);
        }

        @Test
        void create_is_not_retried_on_a_read_conflict() {
            int submits = fake().submits.get();
            fake().readConflictsToInject.set(1);
            create(unique("m"), "red", 5, "ann")
                    .statusCode(409)
                    .body("type", equalTo("https://weft.dev/problems/read-conflict"));
            assertThat(fake().submits.get() - submits).isEqualTo(1);
        }

        @Test
        void the_same_idempotency_key_returns_the_first_result_without_a_second_transaction() {
            String name = unique("m");
            String key = UUID.randomUUID().toString();
            int submits = fake().submits.get();
            String body = "{\"name\":\"" + name + "\",\"color\":\"red\",\"size\":5,\"owner\":\"ann\"}";
            String first = given().contentType(ContentType.JSON)
                    .header("Idempotency-Key", key)
                    .body(body)
                    .post("/api/v1/marbles")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("transactionId");
            given().contentType(ContentType.JSON)
                    .header("Idempotency-Key", key)
                    .body(body)
                    .post("/api/v1/marbles")
                    .then()
                    .statusCode(201)
                    .body("transactionId", equalTo(first));
            assertThat(fake().submits.get() - submits).isEqualTo(1);
        }

        @Test
        void another_caller_with_the_same_idempotency_key_gets_its_own_transaction() {
            String key = UUID.randomUUID().toString();
            String name = unique("m");
            given().contentType(ContentType.JSON)
                    .body("{\"name\":\"" + name + "\",\"color\":\"red\",\"size\":5,\"owner\":\"ann\"}")
                    .post("/api/v1/marbles")
                    .then()
                    .statusCode(201);
            String first = given().contentType(ContentType.JSON)
                    .header("Idempotency-Key", key)
                    .body("{\"owner\":\"bob\"}")
                    .put("/api/v1/marbles/{name}/owner", name)
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("transactionId");
            int submits = fake().submits.get();

            String second = io.restassured.RestAssured.given()
                    .header("X-API-Key", TestCredentials.apiKey(TestCredentials.WRITER))
                    .contentType(ContentType.JSON)
                    .header("Idempotency-Key", key)
                    .body("{\"owner\":\"bob\"}")
                    .put("/api/v1/marbles/{name}/owner", name)
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("transactionId");

            assertThat(second).isNotEqualTo(first);
            assertThat(fake().submits.get() - submits).isEqualTo(1);
        }

        @Test
        void an_idempotency_key_reused_for_another_request_is_422() {
            String key = UUID.randomUUID().toString();
            given().contentType(ContentType.JSON)
                    .header("Idempotency-Key", key)
                    .body("{\"name\":\"" + unique("m") + "\",\"color\":\"red\",\"size\":5,\"owner\":\"ann\"}")
                    .post("/api/v1/marbles")
                    .then()
                    .statusCode(201);
            given().contentType(ContentType.JSON)
                    .header("Idempotency-Key", key)
                    .body("{\"name\":\"" + unique("m") + "\",\"color\":\"red\",\"size\":5,\"owner\":\"ann\"}")
                    .post("/api/v1/marbles")
                    .then()
                    .statusCode(422)
                    .body("type", equalTo("https://weft.dev/problems/idempotency-key-reused"));
        }

        @Test
        void a_retried_delete_after_a_commit_timeout_replays_the_504_instead_of_deleting_again() {
            String name = unique("m");
            create(name, "red", 5, "ann").statusCode(201);
            String key = UUID.randomUUID().toString();
            fake().holdCommitStatus = true;
            String txId = given().header("Idempotency-Key", key)
                    .delete("/api/v1/marbles/{name}", name)
                    .then()
                    .statusCode(504)
                    .extract()
                    .path("transactionId");
            fake().holdCommitStatus = false;
            int submits = fake().submits.get();
            given().header("Idempotency-Key", key)
                    .delete("/api/v1/marbles/{name}", name)
                    .then()
                    .statusCode(504)
                    .body("transactionId", equalTo(txId));
            assertThat(fake().submits.get()).isEqualTo(submits);
        }
    }

    @Nested
    class Operations {

        @Test
        void readiness_includes_the_peer_and_the_committed_chaincode() {
            given().get("/q/health/ready")
                    .then()
                    .statusCode(200)
                    .body("checks.find { it.name == 'fabric' }.status", equalTo("UP"))
                    .body("checks.find { it.name == 'fabric' }.data.peer", equalTo(FakeFabric.PEER))
                    .body("checks.find { it.name == 'fabric' }.data.chaincodeCommitted", equalTo("true"));
        }

        @Test
        void metrics_have_route_latency_and_fabric_call_timers() {
            given().get("/api/v1/marbles/{name}", unique("nope")).then().statusCode(404);
            String metrics =
                    given().get("/q/metrics").then().statusCode(200).extract().asString();
            assertThat(metrics)
                    .contains("http_server_requests_seconds_count{")
                    .contains("uri=\"/api/v1/marbles/{name}\"")
                    .contains("weft_fabric_calls_seconds_count{")
                    .contains("weft_fabric_errors_total{");
        }

        @Test
        void openapi_describes_the_marbles_routes() {
            given().queryParam("format", "json")
                    .get("/q/openapi")
                    .then()
                    .statusCode(200)
                    .body("paths", not(empty()))
                    .body("paths.'/api/v1/marbles/{name}/owner'.put", notNullValue());
        }
    }
}
