package dev.weft.kafka.embedded;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A Quarkus test resource backed by a real {@link EmbeddedKafka}:
 * {@code @QuarkusTestResource(EmbeddedKafkaResource.class)} (or {@code @WithTestResource}).
 *
 * <p>One broker serves every test class of a test JVM: starting KRaft costs seconds, and topics are cheap to keep
 * apart by name. It stops when the JVM exits.
 */
public final class EmbeddedKafkaResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedKafka shared;

    @Override
    public Map<String, String> start() {
        String bootstrap = broker().bootstrapServers();
        return Map.of("kafka.bootstrap.servers", bootstrap);
    }

    @Override
    public void stop() {
        // Kept for the next test class; see the class comment.
    }

    /** The JVM-wide broker, started on first use. */
    public static synchronized EmbeddedKafka broker() {
        if (shared == null) {
            EmbeddedKafka kafka = EmbeddedKafka.builder().build().start();
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::stop, "embedded-kafka-shutdown"));
            shared = kafka;
        }
        return shared;
    }
}
