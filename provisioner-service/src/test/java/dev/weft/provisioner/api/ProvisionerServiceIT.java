package dev.weft.provisioner.api;

import static dev.weft.testing.security.TestCredentials.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.events.CloudEvent;
import dev.weft.events.EventJson;
import dev.weft.events.NetworkFailed;
import dev.weft.events.NetworkReady;
import dev.weft.events.NetworkStepProgressed;
import dev.weft.events.ProvisionNetwork;
import dev.weft.events.Topics;
import dev.weft.kafka.embedded.EmbeddedKafkaResource;
import dev.weft.provisioner.workflow.NetworkWorkflow;
import dev.weft.testing.security.TestCredentials;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The service with a real embedded Kafka broker and the fake runtime: commands drive the workflow, events come out
 * in order, and the REST API validates, accepts and reports.
 */
@QuarkusTest
@QuarkusTestResource(TestCredentials.Resource.class)
@TestProfile(FakeFabricProfile.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
class ProvisionerServiceIT {

    private static final URI SOURCE = URI.create("/weft/test");

    @Test
    void a_provision_command_drives_the_workflow_and_the_events_appear_in_order() throws Exception {
        String network = "kafka-net";
        JsonNode spec = EventJson.mapper().readTree("{\"name\":\"" + network + "\",\"local\":{\"portBase\":21000}}");
        send(CloudEvent.of(SOURCE, new ProvisionNetwork(network, spec)));

        List<CloudEvent<?>> events = awaitEvents(network, e -> e.data() instanceof NetworkReady);

        List<String> expected = new ArrayList<>();
        expected.add("NetworkRequested");
        NetworkWorkflow.STEPS.forEach(s -> {
            expected.add(s + ":STARTED");
            expected.add(s + ":SUCCEEDED");
        });
        expected.add("NetworkReady");
        assertThat(trail(events)).containsExactlyElementsOf(expected);
        NetworkReady ready = (NetworkReady) events.get(events.size() - 1).data();
        assertThat(ready.orderers()).extracting(NetworkReady.Orderer::address).contains("127.0.0.1:21000");
        assertThat(events).allSatisfy(e -> assertThat(EventJson.write(e)).doesNotContain("PRIVATE KEY"));

        given().get("/api/v1/networks/" + network)
                .then()
                .statusCode(200)
                .body("phase", equalTo("READY"))
                .body("conditions.step", hasItems("crypto", "peers-join", "ready"))
                .body("connection.channels[0]", equalTo("mychannel"));
    }

    @Test
    void a_command_with_an_invalid_spec_is_answered_with_network_failed_naming_the_field() throws Exception {
        String network = "bad-net";
        JsonNode spec = EventJson.mapper().readTree("{\"name\":\"bad-net\",\"peerOrgs\":[{\"name\":\"Org_1\"}]}");
        send(CloudEvent.of(SOURCE, new ProvisionNetwork(network, spec)));

        List<CloudEvent<?>> events = awaitEvents(network, e -> e.data() instanceof NetworkFailed);

        NetworkFailed failed = (NetworkFailed) events.get(events.size() - 1).data();
        assertThat(failed.step()).isEqualTo("spec");
        assertThat(failed.error()).contains("peerOrgs[0].name");
    }

    @Test
    void post_with_invalid_fields_answers_400_problem_details_naming_each_field_and_creates_nothing() {
        given().contentType("application/json")
                .body("{\"name\":\"Bad Name\",\"ordererOrg\":{\"orderers\":0},\"channels\":[{\"name\":\"MyChannel\"}]}")
                .post("/api/v1/networks")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("title", equalTo("Invalid network spec"))
                .body("errors.field", hasItems("name", "ordererOrg.orderers", "channels[0].name"));

        given().get("/api/v1/networks/bad-name").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void post_with_an_unknown_field_or_a_wrong_type_names_the_field() {
        given().contentType("application/yaml")
                .body("name: typo\npeerOrgs:\n  - name: org1\n    peer: 2\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/networks")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("peerOrgs[0].peer"))
                .body("errors[0].message", equalTo("unknown field"));
    }

    @Test
    void post_answers_202_with_the_status_location_and_the_network_becomes_ready() {
        given().contentType("application/json")
                .body("{\"name\":\"rest-net\",\"local\":{\"portBase\":22000}}")
                .post("/api/v1/networks")
                .then()
                .statusCode(202)
                .header("Location", endsWith("/api/v1/networks/rest-net"))
                .body("network", equalTo("rest-net"));

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(
                        () -> given().get("/api/v1/networks/rest-net").then().body("phase", equalTo("READY")));

        // the same spec again: accepted, every step skipped
        given().contentType("application/json")
                .body("{\"name\":\"rest-net\",\"local\":{\"portBase\":22000}}")
                .post("/api/v1/networks")
                .then()
                .statusCode(202);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().get("/api/v1/networks/rest-net")
                        .then()
                        .body("phase", equalTo("READY"))
                        .body("conditions.find { it.step == 'ready' }.status", equalTo("SKIPPED")));

        given().get("/api/v1/networks").then().statusCode(200).body("network", hasItems("rest-net"));
        given().delete("/api/v1/networks/rest-net").then().statusCode(200).body("phase", equalTo("DELETED"));
    }

    @Test
    void health_metrics_and_openapi_are_served() {
        given().get("/q/health/ready").then().statusCode(200).body("checks.name", hasItems("provisioner"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/networks"));
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().get("/q/metrics")
                        .then()
                        .statusCode(200)
                        .body(containsString("weft_provisioner_step_duration_seconds")));
    }

    private static void send(CloudEvent<?> event) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                EmbeddedKafkaResource.broker().bootstrapServers());
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.NETWORK_COMMANDS, event.subject(), EventJson.write(event)))
                    .get();
        }
    }

    /** The events about {@code network} on weft.network, read from the start until {@code last} matches. */
    private static List<CloudEvent<?>> awaitEvents(String network, java.util.function.Predicate<CloudEvent<?>> last) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                EmbeddedKafkaResource.broker().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest");
        List<CloudEvent<?>> events = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.NETWORK));
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (network.equals(record.key())) {
                        events.add(EventJson.read(record.value()));
                    }
                }
                return !events.isEmpty() && last.test(events.get(events.size() - 1));
            });
        }
        return events;
    }

    private static List<String> trail(List<CloudEvent<?>> events) {
        return events.stream()
                .map(e -> e.data() instanceof NetworkStepProgressed p
                        ? p.step() + ":" + p.status()
                        : e.data().getClass().getSimpleName())
                .toList();
    }
}
