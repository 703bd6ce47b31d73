package dev.weft.kafka.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real single-node Kafka cluster in this JVM: one KRaft node that is both broker and controller, on 127.0.0.1.
 *
 * <p>{@link #start()} formats the storage (only when it is not formatted yet, so a restart on the same data folder
 * keeps every record), starts the node and returns once the cluster answers a metadata request.
 *
 * <pre>{@code
 * try (EmbeddedKafka kafka = EmbeddedKafka.builder().build().start()) {
 *     String bootstrap = kafka.bootstrapServers();   // "127.0.0.1:41234"
 * }                                                  // stopped; a temporary data folder is deleted
 * }</pre>
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final int NODE_ID = 1;

    private final Path dataDir;
    private final boolean deleteDataOnStop;
    private final int port;
    private final int controllerPort;
    private final Duration startTimeout;
    private KafkaRaftServer server;

    private EmbeddedKafka(Builder builder) {
        this.dataDir = builder.dataDir;
        this.deleteDataOnStop = builder.deleteDataOnStop;
        this.port = builder.port;
        this.controllerPort = builder.controllerPort;
        this.startTimeout = builder.startTimeout;
    }

    /** A builder with a temporary data folder deleted on stop, and free ports. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Formats the storage if needed, starts the node and waits until the cluster answers.
     *
     * @throws EmbeddedKafkaException if the node cannot start or does not answer within the start timeout
     */
    public synchronized EmbeddedKafka start() {
        if (server != null) {
            return this;
        }
        Path logDir = dataDir.resolve("kraft-combined-logs");
        try {
            Files.createDirectories(logDir);
            KafkaConfig config = new KafkaConfig(brokerProperties(logDir), false);
            format(logDir);
            server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
            awaitClusterAnswers();
            return this;
        } catch (IOException e) {
            stopQuietly();
            throw new EmbeddedKafkaException("cannot prepare Kafka data folder " + logDir, e);
        } catch (RuntimeException e) {
            stopQuietly();
            throw e instanceof EmbeddedKafkaException ek
                    ? ek
                    : new EmbeddedKafkaException("Kafka did not start on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
    }

    /** {@code host:port} for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** The folder holding the node's metadata and logs. */
    public Path dataDir() {
        return dataDir;
    }

    /** Stops the node; deletes the data folder when the builder asked for it. */
    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
        if (deleteDataOnStop) {
            deleteRecursively(dataDir);
        }
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    /** Whether the node was started and not stopped. */
    public synchronized boolean isRunning() {
        return server != null;
    }

    private Map<String, Object> brokerProperties(Path logDir) {
        Map<String, Object> props = new HashMap<>();
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        props.put(
                "listeners",
                "PLAINTEXT://127.0.0.1:" + port + "," + CONTROLLER_LISTENER + "://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", logDir.toString());
        // One node: every internal topic has one replica, and nothing waits for peers that will never come.
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("num.partitions", "1");
        props.put("auto.create.topics.enable", "true");
        // A small log segment keeps start-up and the data folder small; retention stays Kafka's default (7 days).
        props.put("log.segment.bytes", String.valueOf(16 * 1024 * 1024));
        return props;
    }

    private void format(Path logDir) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            // Formatted by an earlier start: keep its cluster id and its records.
            return;
        }
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setClusterId(Uuid.randomUuid().toString())
                    .setNodeId(NODE_ID)
                    .setDirectories(java.util.List.of(logDir.toString()))
                    .setMetadataLogDirectory(logDir.toString())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .run();
        } catch (Exception e) {
            throw new EmbeddedKafkaException("cannot format Kafka storage in " + logDir, e);
        }
    }

    private void awaitClusterAnswers() {
        Instant deadline = Instant.now().plus(startTimeout);
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        try (Admin admin = Admin.create(config)) {
            while (true) {
                try {
                    admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                    return;
                } catch (ExecutionException | TimeoutException e) {
                    if (Instant.now().isAfter(deadline)) {
                        throw new EmbeddedKafkaException(
                                "Kafka on " + bootstrapServers() + " did not answer within " + startTimeout, e);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new EmbeddedKafkaException("interrupted while waiting for Kafka", e);
                }
            }
        }
    }

    private void stopQuietly() {
        try {
            stop();
        } catch (RuntimeException ignored) {
            // Start already failed; the first error is the one worth reporting.
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            throw new EmbeddedKafkaException("cannot delete Kafka data folder " + root, e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new EmbeddedKafkaException("no free port on 127.0.0.1", e);
        }
    }

    /** Options of an {@link EmbeddedKafka}. */
    public static final class Builder {

        private Path dataDir;
        private boolean deleteDataOnStop = true;
        private int port;
        private int controllerPort;
        private Duration startTimeout = Duration.ofSeconds(60);

        private Builder() {}

        /** Keeps the data in this folder and does not delete it on stop, so a restart keeps every record. */
        public Builder dataDir(Path dataDir) {
            this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
            this.deleteDataOnStop = false;
            return this;
        }

        /** The client port; 0 (the default) picks a free one. A restart on kept data should use a fixed port. */
        public Builder port(int port) {
            this.port = checkPort(port, "port");
            return this;
        }

        /** The controller port; 0 (the default) picks a free one. */
        public Builder controllerPort(int controllerPort) {
            this.controllerPort = checkPort(controllerPort, "controllerPort");
            return this;
        }

        /** How long {@link #start()} waits for the cluster to answer; 60 s by default. */
        public Builder startTimeout(Duration startTimeout) {
            this.startTimeout = Objects.requireNonNull(startTimeout, "startTimeout");
            return this;
        }

        public EmbeddedKafka build() {
            if (dataDir == null) {
                try {
                    dataDir = Files.createTempDirectory("weft-kafka-");
                } catch (IOException e) {
                    throw new EmbeddedKafkaException("cannot create a temporary Kafka data folder", e);
                }
            }
            if (port == 0) {
                port = freePort();
            }
            if (controllerPort == 0) {
                controllerPort = freePort();
            }
            if (port == controllerPort) {
                throw new IllegalArgumentException("port and controllerPort must differ, both are " + port);
            }
            return new EmbeddedKafka(this);
        }

        private static int checkPort(int port, String field) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException(field + " must be between 0 and 65535, was " + port);
            }
            return port;
        }
    }
}
