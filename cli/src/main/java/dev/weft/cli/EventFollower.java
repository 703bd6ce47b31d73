package dev.weft.cli;

import dev.weft.events.CloudEvent;
import dev.weft.events.EventFormatException;
import dev.weft.events.EventJson;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads {@code weft.network} and {@code weft.chaincode} in the background and hands every event that happened since
 * {@code since} to a listener. Used for progress display only: readiness is decided by the services' own status.
 */
final class EventFollower implements AutoCloseable {

    private static final Pattern TOPICS = Pattern.compile("weft\\.(network|chaincode)");

    private final KafkaConsumer<String, String> consumer;
    private final Thread thread;

    EventFollower(String bootstrapServers, Instant since, Consumer<CloudEvent<?>> listener) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "weft-cli-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                // Topics appear while the suite starts; notice them within a couple of seconds.
                ConsumerConfig.METADATA_MAX_AGE_CONFIG,
                2_000);
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        this.thread = new Thread(() -> follow(since, listener), "weft-event-follower");
        this.thread.setDaemon(true);
    }

    EventFollower start() {
        thread.start();
        return this;
    }

    private void follow(Instant since, Consumer<CloudEvent<?>> listener) {
        try {
            consumer.subscribe(TOPICS);
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    try {
                        CloudEvent<?> event = EventJson.read(record.value());
                        if (!event.time().isBefore(since)) {
                            listener.accept(event);
                        }
                    } catch (EventFormatException e) {
                        // Not ours to judge here: the services report malformed events themselves.
                    }
                }
            }
        } catch (WakeupException e) {
            // close() asked us to stop.
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    @Override
    public void close() {
        consumer.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
