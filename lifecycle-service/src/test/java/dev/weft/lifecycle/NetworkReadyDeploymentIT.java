package dev.weft.lifecycle;

import static dev.weft.testing.security.TestCredentials.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.events.ChaincodeReady;
import dev.weft.events.CloudEvent;
import dev.weft.events.DeployChaincode;
import dev.weft.events.EventData;
import dev.weft.events.EventJson;
import dev.weft.events.NetworkReady;
import dev.weft.events.Topics;
import dev.weft.kafka.embedded.EmbeddedKafkaResource;
import dev.weft.lifecycle.fabric.InMemoryFabricConnector;
import dev.weft.testing.security.TestCredentials;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Through a real Kafka broker: a {@code NetworkReady} on {@code weft.network} deploys marbles (real chaincode server
 * processes with mutual TLS; Fabric's {@code _lifecycle} faked in memory), each step appearing in order on {@code
 * weft.chaincode}; then a {@code DeployChaincode} command upgrades it.
 */
@QuarkusTest
@QuarkusTestResource(TestCredentials.Resource.class)
@TestProfile(FakeFabricProfile.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
class NetworkReadyDeploymentIT {

    private static final URI SOURCE = URI.create("/test/provisioner");
    private static final String NETWORK = "it-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void network_ready_deploys_marbles_and_a_command_upgrades_it() throws Exception {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            send(
                    Topics.NETWORK,
                    new NetworkReady(
                            NETWORK,
                            "local",
                            null,
                            List.of("mychannel"),
                            List.of(new NetworkReady.Orderer("orderer0", "127.0.0.1:7050", null, null, null)),
                            List.of(
                                    new NetworkReady.Organization(
                                            "Org1MSP",
                                            null,
                                            "file:/unused",
                                            null,
                                            List.of(new NetworkReady.Peer(
                                                    "peer0.org1.example.com", "127.0.0.1:7051", null))),
                                    new NetworkReady.Organization(
                                            "Org2MSP",
                                            null,
                                            "file:/unused",
                                            null,
                                            List.of(new NetworkReady.Peer(
                                                    "peer0.org2.example.com", "127.0.0.1:9051", null))))));

            List<String> steps = readUntil(consumer, "dev.weft.chaincode.ready.v1");
            assertThat(steps)
                    .containsExactly(
                            "dev.weft.chaincode.requested.v1",
                            "dev.weft.chaincode.packaged.v1",
                            "dev.weft.chaincode.packaged.v1",
                            "dev.weft.chaincode.installed.v1",
                            "dev.weft.chaincode.installed.v1",
                            "dev.weft.chaincode.server-started.v1",
                            "dev.weft.chaincode.server-started.v1",
                            "dev.weft.chaincode.approved.v1",
                            "dev.weft.chaincode.approved.v1",
                            "dev.weft.chaincode.committed.v1",
                            "dev.weft.chaincode.ready.v1");

            given().when()
                    .get("/api/v1/chaincodes/marbles")
                    .then()
                    .statusCode(200)
                    .body("phase", equalTo("READY"))
                    .body("committedSequence", equalTo(1))
                    .body("approvedBy", hasItems("Org1MSP", "Org2MSP"))
                    .body("organizations[0].serverReady", equalTo(true))
                    .body("organizations[0].installedOn", hasItems("peer0.org1.example.com"));

            Map<String, Object> spec = Map.of("name", "marbles", "version", "2.0", "network", NETWORK, "tls", "mtls");
            send(
                    Topics.CHAINCODE_COMMANDS,
                    new DeployChaincode("marbles", NETWORK, new ObjectMapper().valueToTree(spec)));

            List<String> upgrade = readUntil(consumer, "dev.weft.chaincode.ready.v1");
            assertThat(upgrade)
                    .contains("dev.weft.chaincode.upgraded.v1")
                    .endsWith(
                            "dev.weft.chaincode.committed.v1",
                            "dev.weft.chaincode.upgraded.v1",
                            "dev.weft.chaincode.ready.v1");
            assertThat(InMemoryFabricConnector.fabric(NETWORK)
                            .committedDefinition()
                            .orElseThrow()
                            .sequence())
                    .isEqualTo(2);
        } finally {
            given().when().delete("/api/v1/chaincodes/marbles").then().statusCode(200);
        }
    }

    @Test
    void an_invalid_spec_is_a_problem_naming_each_field() {
        given().contentType("application/json")
                .body(
                        "{\"name\":\"Bad Name\",\"version\":\"1.0\",\"tls\":\"mtls\",\"organizations\":[\"Org1MSP\",\"Org1MSP\"]}")
                .when()
                .post("/api/v1/chaincodes")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("name", "network", "organizations[1]"));
    }

    @Test
    void an_unknown_tls_mode_is_a_problem_naming_the_field() {
        given().contentType("application/json")
                .body("{\"name\":\"x\",\"version\":\"1.0\",\"network\":\"n\",\"tls\":\"sometimes\"}")
                .when()
                .post("/api/v1/chaincodes")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("tls"))
                .body("errors[0].message", equalTo("unknown TLS mode 'sometimes' (none, tls or mtls)"));
    }

    private static void send(String topic, EventData data) throws Exception {
        Properties props = new Properties();
        props.put(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                EmbeddedKafkaResource.broker().bootstrapServers());
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            CloudEvent<?> event = CloudEvent.of(SOURCE, data);
            producer.send(new ProducerRecord<>(topic, event.subject(), EventJson.write(event)))
                    .get();
        }
    }

    private static KafkaConsumer<String, String> consumer() {
        Properties props = new Properties();
        props.put(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                EmbeddedKafkaResource.broker().bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(Topics.CHAINCODE));
        // join the group before anything is sent, so "latest" starts before this test's events
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            consumer.poll(Duration.ofMillis(200));
            return !consumer.assignment().isEmpty();
        });
        return consumer;
    }

    /** Event types on weft.chaincode for marbles, up to and including {@code lastType}. */
    private static List<String> readUntil(KafkaConsumer<String, String> consumer, String lastType) {
        List<String> types = new ArrayList<>();
        Awaitility.await().atMost(Duration.ofSeconds(400)).until(() -> {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                if ("marbles".equals(record.key())) {
                    CloudEvent<?> event = EventJson.read(record.value());
                    types.add(event.type());
                    if (event.type().equals(lastType) && event.data() instanceof ChaincodeReady) {
                        return true;
                    }
                }
            }
            return false;
        });
        return types;
    }
}
