package dev.weft.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.events.CloudEvent;
import dev.weft.events.MarbleCreated;
import dev.weft.events.MarbleDeleted;
import dev.weft.events.MarbleTransferred;
import dev.weft.events.Topics;
import dev.weft.testing.RequiresFabricBinaries;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The walkthrough's whole story through the public interfaces only, with the suite started as a user starts it
 * ({@code ./weft up}): provision, channel, marbles deployed with mutual TLS, then every marbles operation over REST,
 * and the ledger events seen on Kafka in order.
 */
@RequiresFabricBinaries
@ExtendWith(SharedSuite.class)
@Order(1) // first: the fault classes disturb the state this story reads
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WalkthroughE2eIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Suite suite = SharedSuite.suite();

    @Test
    @Order(1)
    void creates_reads_transfers_queries_and_deletes_marbles() throws Exception {
        Summary.Step step = Summary.start(
                "create ×2, read, transfer, by-colour transfer, range (+ pages), owner, selector (501 on LevelDB), history, delete");
        assertThat(send(
                                "POST",
                                "/api/v1/marbles",
                                "{\"name\":\"marble1\",\"color\":\"blue\",\"size\":35,\"owner\":\"tom\"}")
                        .statusCode())
                .isEqualTo(201);
        assertThat(send(
                                "POST",
                                "/api/v1/marbles",
                                "{\"name\":\"marble2\",\"color\":\"red\",\"size\":50,\"owner\":\"tom\"}")
                        .statusCode())
                .isEqualTo(201);

        JsonNode marble1 = json(send("GET", "/api/v1/marbles/marble1", null));
        assertThat(marble1.get("color").asText()).isEqualTo("blue");
        assertThat(marble1.get("owner").asText()).isEqualTo("tom");

        assertThat(send("PUT", "/api/v1/marbles/marble2/owner", "{\"owner\":\"jerry\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(send("POST", "/api/v1/marbles/transfers", "{\"color\":\"blue\",\"newOwner\":\"jerry\"}")
                        .statusCode())
                .isEqualTo(200);

        JsonNode range = json(send("GET", "/api/v1/marbles?from=marble1&to=marble3", null));
        assertThat(range.get("marbles")).hasSize(2);
        JsonNode owned = json(send("GET", "/api/v1/marbles?owner=jerry", null));
        assertThat(owned.get("marbles")).hasSize(2);
        JsonNode firstPage = json(send("GET", "/api/v1/marbles?from=marble1&to=marble3&pageSize=1", null));
        assertThat(firstPage.get("marbles")).hasSize(1);
        assertThat(firstPage.get("bookmark").asText()).isNotBlank();
        JsonNode secondPage = json(send(
                "GET",
                "/api/v1/marbles?from=marble1&to=marble3&pageSize=1&bookmark="
                        + firstPage.get("bookmark").asText(),
                null));
        assertThat(secondPage.get("marbles").get(0).get("name").asText()).isEqualTo("marble2");
        // The local runtime runs LevelDB: selector queries get a clear "needs CouchDB" answer, not a stack trace.
        HttpResponse<String> selector = send("POST", "/api/v1/marbles/queries", "{\"selector\":{\"owner\":\"jerry\"}}");
        assertThat(selector.statusCode()).as(selector.body()).isEqualTo(501);
        HttpResponse<String> pagedSelector =
                send("POST", "/api/v1/marbles/queries", "{\"selector\":{\"owner\":\"jerry\"},\"pageSize\":1}");
        assertThat(pagedSelector.statusCode()).as(pagedSelector.body()).isEqualTo(501);

        JsonNode history = json(send("GET", "/api/v1/marbles/marble1/history", null));
        assertThat(history).hasSize(2);

        assertThat(send("DELETE", "/api/v1/marbles/marble1", null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/v1/marbles/marble1", null).statusCode()).isEqualTo(404);
        step.done("ok");
    }

    @Test
    @Order(2)
    void every_ledger_change_arrives_on_kafka_in_order() {
        Summary.Step step = Summary.start("marbles events on weft.marbles.events, in order");
        List<CloudEvent<?>> events = marbleEvents(5, Duration.ofSeconds(90));

        assertThat(events)
                .extracting(e -> e.data().getClass().getSimpleName() + ":" + e.subject())
                .containsExactly(
                        "MarbleCreated:marble1",
                        "MarbleCreated:marble2",
                        "MarbleTransferred:marble2",
                        "MarbleTransferred:marble1",
                        "MarbleDeleted:marble1");
        assertThat(events.get(0).data())
                .isInstanceOfSatisfying(
                        MarbleCreated.class, c -> assertThat(c.size()).isEqualTo(35));
        assertThat(events.get(2).data())
                .isInstanceOfSatisfying(
                        MarbleTransferred.class, t -> assertThat(t.newOwner()).isEqualTo("jerry"));
        assertThat(events.get(4).data()).isInstanceOf(MarbleDeleted.class);
        step.done("5 events, in order");
    }

    @Test
    @Order(3)
    void bad_input_gets_a_problem_naming_the_field_and_writes_nothing() throws Exception {
        Summary.Step step = Summary.start("invalid marble → 400 naming the field, nothing written");
        HttpResponse<String> response = send(
                "POST", "/api/v1/marbles", "{\"name\":\"marble9\",\"color\":\"blue\",\"size\":-1,\"owner\":\"tom\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("size");
        assertThat(send("GET", "/api/v1/marbles/marble9", null).statusCode()).isEqualTo(404);
        step.done("ok");
    }

    @Test
    @Order(4)
    void refuses_calls_without_the_api_key() throws Exception {
        Summary.Step step = Summary.start("no API key → 401 problem details, on every API");
        for (Suite.Api api : Suite.Api.values()) {
            String path = switch (api) {
                case GATEWAY -> "/api/v1/marbles/marble2";
                case PROVISIONER -> "/api/v1/networks";
                case LIFECYCLE -> "/api/v1/chaincodes";
            };
            HttpResponse<String> anonymous = HttpClient.newHttpClient()
                    .send(suite.anonymous(api, path).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(anonymous.statusCode()).as(api + " " + path).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        }
        step.done("ok");
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return suite.send(Suite.Api.GATEWAY, method, path, body);
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private List<CloudEvent<?>> marbleEvents(int expected, Duration timeout) {
        return Topic.read(suite, Topics.MARBLES_EVENTS, events -> events.size() >= expected, timeout);
    }
}
