package dev.weft.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.events.CloudEvent;
import dev.weft.events.EventJson;
import dev.weft.events.MarbleCreated;
import dev.weft.events.MarbleDeleted;
import dev.weft.events.MarbleTransferred;
import dev.weft.testing.RequiresFabricBinaries;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The walkthrough's whole story through the public interfaces only, with the suite started as a user starts it
 * ({@code ./weft up}): provision, channel, marbles deployed with mutual TLS, then every marbles operation over REST,
 * and the ledger events seen on Kafka in order.
 */
@RequiresFabricBinaries
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WalkthroughE2eIT {

    /** Ports of this run; {@code -Dweft.e2e.port-base=N} moves them when another suite holds the default ones. */
    private static final int PORT_BASE = Integer.getInteger("weft.e2e.port-base", 24000);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> SUMMARY = new LinkedHashMap<>();

    private static Suite suite;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void up() throws Exception {
        Path work = Files.createTempDirectory("weft-e2e-");
        suite = new Suite(work, PORT_BASE);
        long start = System.nanoTime();
        String output = suite.weft("up", Duration.ofMinutes(15));
        SUMMARY.put("./weft up (network, channel, marbles with mTLS)", seconds(start) + " — " + lastLine(output));
    }

    @AfterAll
    static void down() throws Exception {
        if (suite != null) {
            suite.weft("down", Duration.ofMinutes(2));
        }
        System.out.println();
        System.out.println("| step | result |");
        System.out.println("| --- | --- |");
        SUMMARY.forEach((step, result) -> System.out.println("| " + step + " | " + result + " |"));
    }

    @Test
    @Order(1)
    void creates_reads_transfers_queries_and_deletes_marbles() throws Exception {
        long start = System.nanoTime();
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
        SUMMARY.put(
                "create ×2, read, transfer, by-colour transfer, range (+ pages), owner, selector (501 on LevelDB), history, delete",
                seconds(start));
    }

    @Test
    @Order(2)
    void every_ledger_change_arrives_on_kafka_in_order() {
        long start = System.nanoTime();
        List<CloudEvent<?>> events = marbleEvents(5, Duration.ofSeconds(60));

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
        SUMMARY.put("marbles events on weft.marbles.events, in order", seconds(start));
    }

    @Test
    @Order(3)
    void bad_input_gets_a_problem_naming_the_field_and_writes_nothing() throws Exception {
        HttpResponse<String> response = send(
                "POST", "/api/v1/marbles", "{\"name\":\"marble9\",\"color\":\"blue\",\"size\":-1,\"owner\":\"tom\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("size");
        assertThat(send("GET", "/api/v1/marbles/marble9", null).statusCode()).isEqualTo(404);
        SUMMARY.put("invalid marble → 400 naming the field, nothing written", "ok");
    }

    @Test
    @Order(4)
    void refuses_calls_without_the_api_key() throws Exception {
        HttpResponse<String> anonymous = HTTP.send(
                HttpRequest.newBuilder(URI.create(suite.gatewayUrl() + "/api/v1/marbles/marble2"))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        SUMMARY.put("no API key → 401 problem details", "ok");
    }

    private static HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = suite.authorize(HttpRequest.newBuilder(URI.create(suite.gatewayUrl() + path)))
                .timeout(Duration.ofSeconds(90))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json");
        request.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static List<CloudEvent<?>> marbleEvents(int expected, Duration timeout) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                suite.kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "e2e-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest");
        List<CloudEvent<?>> events = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("weft.marbles.events"));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (events.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> events.add(EventJson.read(r.value())));
            }
        }
        return events;
    }

    private static String seconds(long startNanos) {
        return String.format("%.1f s", (System.nanoTime() - startNanos) / 1e9);
    }

    private static String lastLine(String output) {
        return output.lines()
                .filter(l -> l.startsWith("Weft is ready"))
                .findFirst()
                .orElse("ready");
    }
}
