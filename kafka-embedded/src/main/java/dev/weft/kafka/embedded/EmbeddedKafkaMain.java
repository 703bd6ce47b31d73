package dev.weft.kafka.embedded;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs an {@link EmbeddedKafka} until the process is stopped (SIGTERM or Ctrl-C), keeping its data.
 *
 * <pre>
 * java -cp ... dev.weft.kafka.embedded.EmbeddedKafkaMain --data-dir .weft/kafka --port 9092 --controller-port 9093
 * </pre>
 *
 * Prints {@code KAFKA_READY bootstrap.servers=127.0.0.1:9092} once the broker answers, so a launcher can wait for it.
 */
public final class EmbeddedKafkaMain {

    private EmbeddedKafkaMain() {}

    public static void main(String[] args) throws InterruptedException {
        EmbeddedKafka.Builder builder = EmbeddedKafka.builder();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) {
                usage("missing value for " + name);
            }
            String value = args[++i];
            switch (name) {
                case "--data-dir" -> builder.dataDir(Path.of(value));
                case "--port" -> builder.port(parsePort(name, value));
                case "--controller-port" -> builder.controllerPort(parsePort(name, value));
                default -> usage("unknown option " + name);
            }
        }
        EmbeddedKafka kafka = builder.build().start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            kafka.stop();
                            stopped.countDown();
                        },
                        "embedded-kafka-shutdown"));
        System.out.println("KAFKA_READY bootstrap.servers=" + kafka.bootstrapServers() + " data=" + kafka.dataDir());
        stopped.await();
    }

    private static int parsePort(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            usage(name + " must be a number, was '" + value + "'");
            return -1;
        }
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: EmbeddedKafkaMain [--data-dir DIR] [--port PORT] [--controller-port PORT]");
        System.exit(2);
    }
}
