package dev.weft.gateway;

import static dev.weft.testing.security.TestCredentials.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.weft.events.CloudEvent;
import dev.weft.events.MarbleCreated;
import dev.weft.gateway.fake.FakeFabric;
import dev.weft.gateway.fake.FakeFabricResource;
import dev.weft.gateway.fake.RestartableKafkaResource;
import dev.weft.service.events.CloudEventMessages;
import dev.weft.testing.security.TestCredentials;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * Ledger events through the real client, the fake peer's event stream and a real KRaft broker: keys, types, no
 * loss and no duplicates across a peer restart and a broker restart, and the SSE stream.
 */
@QuarkusTest
@QuarkusTestResource(TestCredentials.Resource.class)
@QuarkusTestResource(FakeFabricResource.class)
@QuarkusTestResource(RestartableKafkaResource.class)
class MarbleEventsIT {

    @TestHTTPResource("/api/v1/events")
    URL events;

    /** What the topic holds, read from the beginning by a consumer of the test's own. */
    record Published(String key, String contentType, CloudEvent<?> event) {}

    private static List<Published> readAll(String bootstrap, Set<String> subjects, int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<Published> out = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            // Assigned, not subscribed: no consumer group to wait for after the broker restart.
            List<TopicPartition> partitions = consumer.partitionsFor("weft.marbles.events").stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            try {
                await().atMost(Duration.ofSeconds(90)).until(() -> {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                        if (!subjects.contains(record.key())) {
                            continue;
                        }
                        var header = record.headers().lastHeader("content-type");
                        out.add(new Published(
                                record.key(),
                                header == null ? null : new String(header.value(), StandardCharsets.UTF_8),
                                CloudEventMessages.fromValue(record.value())));
                    }
                    return out.size() >= expected;
                });
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                throw new AssertionError("expected " + expected + " events, got " + out, e);
            }
            // Anything beyond the expected count would be a duplicate: read a little longer.
            for (int i = 0; i < 4; i++) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (subjects.contains(record.key())) {
                        out.add(new Published(record.key(), null, CloudEventMessages.fromValue(record.value())));
                    }
                }
            }
        }
        return out;
    }

    private static String create(String name, String color) {
        return given().contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"color\":\"" + color + "\",\"size\":3,\"owner\":\"ann\"}")
                .post("/api/v1/marbles")
                .then()
                .statusCode(201)
                .extract()
                .path("transactionId");
    }

    @Test
    void events_are_published_once_keyed_by_marble_across_peer_and_broker_restarts() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String a = "ev-a-" + run;
        String b = "ev-b-" + run;
        String c = "ev-c-" + run;
        String colour = "col-" + run;
        String txA = create(a, colour);
        create(b, colour);

        // The peer restarts: its event stream breaks and the gateway must reopen it by itself.
        int streamsBefore = FakeFabric.service().eventStreamStarts.size();
        FakeFabric.service().dropEventStreams();
        given().contentType(ContentType.JSON)
                .body("{\"color\":\"" + colour + "\",\"newOwner\":\"zoe\"}")
                .post("/api/v1/marbles/transfers")
                .then()
                .statusCode(200);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> FakeFabric.service().eventStreamStarts.size() > streamsBefore);

        // The broker restarts while an event is on its way, and stays down longer than the publish timeout: the
        // event the producer still holds must not be sent a second time.
        RestartableKafkaResource.broker().stop();
        create(c, colour);
        Thread.sleep(6000);
        RestartableKafkaResource.broker().start();
        given().delete("/api/v1/marbles/{name}", a).then().statusCode(200);

        List<Published> published = readAll(RestartableKafkaResource.broker().bootstrapServers(), Set.of(a, b, c), 6);

        assertThat(published)
                .allSatisfy(p -> assertThat(p.key()).isEqualTo(p.event().subject()));
        assertThat(published.stream().map(p -> p.event().id()).distinct().count())
                .as("no duplicates")
                .isEqualTo(published.size());
        Map<String, List<String>> typesBySubject = published.stream()
                .collect(Collectors.groupingBy(
                        p -> p.event().subject(),
                        Collectors.mapping(p -> p.event().type(), Collectors.toList())));
        assertThat(typesBySubject.get(a))
                .containsExactly(
                        "dev.weft.marbles.created.v1",
                        "dev.weft.marbles.transferred.v1",
                        "dev.weft.marbles.deleted.v1");
        assertThat(typesBySubject.get(b))
                .containsExactly("dev.weft.marbles.created.v1", "dev.weft.marbles.transferred.v1");
        assertThat(typesBySubject.get(c)).containsExactly("dev.weft.marbles.created.v1");
        CloudEvent<?> createdA = published.get(0).event();
        assertThat(createdA.id()).isEqualTo(txA + "-0");
        assertThat(createdA.data()).isInstanceOfSatisfying(MarbleCreated.class, data -> {
            assertThat(data.transactionId()).isEqualTo(txA);
            assertThat(data.color()).isEqualTo(colour);
        });
        assertThat(published.get(0).contentType()).isEqualTo("application/cloudevents+json; charset=UTF-8");
    }

    @Test
    void the_sse_stream_carries_live_events() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(events.toString()))
                .header("Accept", "text/event-stream")
                .header("X-API-Key", TestCredentials.apiKey(TestCredentials.EVERY_ROLE))
                .build();
        var response = client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
        Thread reader = new Thread(() -> {
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(response.get().body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                }
            } catch (Exception ignored) {
                // the test ends the stream
            }
        });
        reader.setDaemon(true);
        reader.start();
        String name = "sse-" + UUID.randomUUID().toString().substring(0, 6);
        await().atMost(Duration.ofSeconds(10)).until(() -> response.isDone());
        String txId = create(name, "red");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> lines.stream().anyMatch(l -> l.startsWith("data:") && l.contains(name)));
        assertThat(lines).contains("event:dev.weft.marbles.created.v1").contains("id:" + txId + "-0");
        response.get().body().close();
    }
}
