package dev.weft.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaIT {

    @TempDir
    Path work;

    @Test
    void a_record_produced_is_consumed_back() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.builder().build().start()) {
            produce(kafka, "round-trip", "net1", "hello");

            assertThat(consume(kafka, "round-trip", 1)).containsExactly("net1=hello");
        }
    }

    @Test
    void a_restart_on_the_same_data_folder_keeps_the_records() throws Exception {
        Path data = work.resolve("kafka");
        int port = EmbeddedKafka.freePort();
        int controllerPort = EmbeddedKafka.freePort();
        try (EmbeddedKafka kafka = fixed(data, port, controllerPort).start()) {
            produce(kafka, "durable", "net1", "before restart");
        }

        try (EmbeddedKafka kafka = fixed(data, port, controllerPort).start()) {
            produce(kafka, "durable", "net1", "after restart");

            assertThat(consume(kafka, "durable", 2)).containsExactly("net1=before restart", "net1=after restart");
        }
        assertThat(data).as("kept data is not deleted on stop").isDirectory();
    }

    @Test
    void a_temporary_data_folder_is_deleted_on_stop() {
        EmbeddedKafka kafka = EmbeddedKafka.builder().build().start();
        Path data = kafka.dataDir();
        assertThat(kafka.isRunning()).isTrue();

        kafka.stop();

        assertThat(kafka.isRunning()).isFalse();
        assertThat(Files.exists(data)).isFalse();
    }

    private static EmbeddedKafka fixed(Path data, int port, int controllerPort) {
        return EmbeddedKafka.builder()
                .dataDir(data)
                .port(port)
                .controllerPort(controllerPort)
                .build();
    }

    private static void produce(EmbeddedKafka kafka, String topic, String key, String value) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    private static List<String> consume(EmbeddedKafka kafka, String topic, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest");
        List<String> seen = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (seen.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    seen.add(record.key() + "=" + record.value());
                }
            }
        }
        return seen;
    }
}
