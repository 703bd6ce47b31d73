package dev.weft.e2e;

import dev.weft.events.CloudEvent;
import dev.weft.events.EventJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a Weft topic from its beginning, as an outside consumer with a group of its own. */
final class Topic {

    private Topic() {}

    /** Every event on {@code topic} once {@code enough} holds for them (or {@code timeout} passed). */
    static List<CloudEvent<?>> read(
            Suite suite, String topic, Predicate<List<CloudEvent<?>>> enough, Duration timeout) {
        // Assigned partitions, no consumer group: an outside reader that joins no group and commits nothing, and
        // does not wait for a group rebalance on every read.
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                suite.kafkaBootstrap(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false);
        List<CloudEvent<?>> events = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            long deadline = System.nanoTime() + timeout.toNanos();
            List<TopicPartition> partitions = List.of();
            while (partitions.isEmpty() && System.nanoTime() < deadline) {
                partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition()))
                        .toList();
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            int emptyPolls = 0;
            while (System.nanoTime() < deadline) {
                int before = events.size();
                consumer.poll(Duration.ofMillis(500)).forEach(r -> events.add(EventJson.read(r.value())));
                emptyPolls = events.size() == before ? emptyPolls + 1 : 0;
                // Stop once the condition holds and the topic has been quiet for a moment: a duplicate
                // arriving right behind the expected events must still be seen.
                if (enough.test(events) && emptyPolls >= 4) {
                    break;
                }
            }
        }
        return events;
    }

    /** The events of one type. */
    static <T> List<T> data(List<CloudEvent<?>> events, Class<T> type) {
        return events.stream()
                .map(CloudEvent::data)
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }
}
