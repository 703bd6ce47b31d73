package dev.weft.gateway.fake;

import dev.weft.kafka.embedded.EmbeddedKafka;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * A broker of its own, on a fixed port and data folder, that a test may stop and start again with its data (the
 * shared test broker deletes its data when stopped).
 */
public final class RestartableKafkaResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedKafka broker;

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", broker().bootstrapServers());
    }

    private static synchronized void startOnce() {
        if (broker == null) {
            try (ServerSocket a = new ServerSocket(0);
                    ServerSocket b = new ServerSocket(0)) {
                int port = a.getLocalPort();
                int controllerPort = b.getLocalPort();
                a.close();
                b.close();
                broker = EmbeddedKafka.builder()
                        .dataDir(Files.createTempDirectory("weft-gateway-kafka"))
                        .port(port)
                        .controllerPort(controllerPort)
                        .build()
                        .start();
                createTopic(broker.bootstrapServers());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void stop() {
        // One broker per JVM, like the shared test broker: Quarkus may start and stop resources more than once.
    }

    private static void createTopic(String bootstrap) {
        // As the deployment does: the topic exists before the gateway publishes (no auto-creation delay).
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic("weft.marbles.events", 1, (short) 1)))
                    .all()
                    .get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create weft.marbles.events", e);
        }
    }

    /** The broker, to stop and start it. */
    public static synchronized EmbeddedKafka broker() {
        startOnce();
        return broker;
    }
}
