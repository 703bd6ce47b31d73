package dev.weft.lifecycle.e2e;

import static dev.weft.testing.security.TestCredentials.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.events.CloudEvent;
import dev.weft.events.EventJson;
import dev.weft.events.NetworkReady;
import dev.weft.events.Topics;
import dev.weft.kafka.embedded.EmbeddedKafkaResource;
import dev.weft.testing.FabricBinaries;
import dev.weft.testing.RequiresFabricBinaries;
import dev.weft.testing.security.TestCredentials;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The lifecycle service against real Fabric 2.5 processes (two orgs, three Raft orderers, made by {@link
 * LocalFabric} with fabric-admin), real Kafka and real marbles server processes. The tests run in order on one
 * network: auto-deploy on NetworkReady with mutual TLS, upgrade, no-change re-submit, the {@code external} type
 * through Weft's builder scripts, a server that is down, and the deploy benchmark against the CLI sequence.
 */
@QuarkusTest
@QuarkusTestResource(TestCredentials.Resource.class)
@TestProfile(E2eProfile.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@RequiresFabricBinaries
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LifecycleServiceE2eIT {

    private static final String NETWORK = "e2e";
    private static final Path ROOT =
            Path.of("target", "e2e", "lifecycle-network").toAbsolutePath();
    private static final Path EXTERNAL_BUILDER =
            Path.of("..", "provisioner-service", "src", "main", "resources", "builders", "external");
    private static final Path MARBLES_JAR =
            Path.of("..", "chaincode-marbles", "target", "weft-chaincode-marbles-0.1.0-SNAPSHOT-runner.jar");
    private static LocalFabric fabric;

    @BeforeAll
    static void startNetwork() throws Exception {
        deleteRecursively(ROOT);
        fabric = LocalFabric.start(FabricBinaries.fromEnvironment().folder(), ROOT, EXTERNAL_BUILDER);
    }

    @AfterAll
    static void stopNetwork() throws Exception {
        // The HTTP server may already be down here: stop the chaincode servers through their PID files.
        Path servers = Path.of(E2eProfile.WORK_DIR, "servers");
        if (Files.isDirectory(servers)) {
            try (Stream<Path> files = Files.walk(servers)) {
                for (Path pid : files.filter(f -> f.getFileName().toString().equals("server.pid"))
                        .toList()) {
                    ProcessHandle.of(Long.parseLong(Files.readString(pid).trim()))
                            .ifPresent(ProcessHandle::destroy);
                }
            }
        }
        if (fabric != null) {
            fabric.close();
        }
    }

    @Test
    @Order(1)
    void network_ready_deploys_marbles_with_mutual_tls_and_it_answers() throws Exception {
        publish(fabric.networkReady(NETWORK));

        JsonPath status = awaitReady("marbles", 1, Duration.ofMinutes(4));
        assertThat(status.getList("approvedBy")).containsExactlyInAnyOrder("Org1MSP", "Org2MSP");
        assertThat(status.getString("organizations[0].packageId")).startsWith("marbles_1.0:");

        Marbles.initMarble(fabric, "marbles", "marble1", "blue", 35, "tom");
        assertThat(Marbles.readMarble(fabric, "marbles", "marble1")).contains("\"owner\":\"tom\"");
    }

    @Test
    @Order(2)
    void upgrade_to_version_2_is_sequence_2_and_keeps_the_data() throws Exception {
        given().contentType("application/json")
                .body(Map.of("version", "2.0"))
                .when()
                .post("/api/v1/chaincodes/marbles/upgrade")
                .then()
                .statusCode(202);

        JsonPath status = awaitReady("marbles", 2, Duration.ofMinutes(3));
        assertThat(status.getString("version")).isEqualTo("2.0");

        assertThat(Marbles.readMarble(fabric, "marbles", "marble1")).contains("\"color\":\"blue\"");
        Marbles.initMarble(fabric, "marbles", "marble2", "red", 50, "jerry");
        assertThat(Marbles.readMarble(fabric, "marbles", "marble2")).contains("\"owner\":\"jerry\"");
    }

    @Test
    @Order(3)
    void the_same_spec_again_changes_nothing() {
        Map<String, Object> spec = given().when()
                .get("/api/v1/chaincodes/marbles")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("$");
        long height = fabric.height();

        given().contentType("application/json")
                .body(Map.of("name", "marbles", "version", "2.0", "network", NETWORK))
                .when()
                .post("/api/v1/chaincodes")
                .then()
                .statusCode(202);
        JsonPath status = awaitReady("marbles", 2, Duration.ofMinutes(2));

        assertThat(fabric.height()).as("no block for a spec already in place").isEqualTo(height);
        assertThat(status.getList("steps.findAll { it.step in ['install','approve','commit'] }.status", String.class))
                .containsOnly("SKIPPED");
        assertThat(spec).isNotEmpty();
    }

    @Test
    @Order(4)
    void type_external_goes_through_weft_builder_scripts() throws Exception {
        given().contentType("application/json")
                .body(Map.of(
                        "name",
                        "marblesx",
                        "version",
                        "1.0",
                        "network",
                        NETWORK,
                        "type",
                        "external",
                        "tls",
                        "mtls",
                        "endorsementPolicy",
                        "AND('Org1MSP.peer','Org2MSP.peer')"))
                .when()
                .post("/api/v1/chaincodes")
                .then()
                .statusCode(202);

        awaitReady("marblesx", 1, Duration.ofMinutes(3));
        Marbles.initMarble(fabric, "marblesx", "ext1", "green", 10, "ann");
        assertThat(Marbles.readMarble(fabric, "marblesx", "ext1")).contains("\"owner\":\"ann\"");
    }

    @Test
    @Order(5)
    void a_chaincode_whose_server_is_down_fails_clearly_within_the_dial_timeout() {
        given().when().delete("/api/v1/chaincodes/marblesx").then().statusCode(200);

        Instant start = Instant.now();
        assertThatThrownBy(() -> Marbles.readMarble(fabric, "marblesx", "ext1"))
                .satisfies(e -> System.out.println("[e2e] server down: " + e + " " + e.getCause()));
        Duration took = Duration.between(start, Instant.now());
        System.out.printf("[e2e] call to a stopped chaincode server failed after %d ms%n", took.toMillis());
        assertThat(took)
                .as("the 5 s dial timeout of connection.json, not minutes")
                .isLessThan(Duration.ofSeconds(30));
    }

    @Test
    @Order(6)
    void benchmark_service_deploy_against_the_cli_sequence() throws Exception {
        // Service: a full two-org deploy with init, mutual TLS, from POST to READY.
        long heightBefore = fabric.height();
        Instant start = Instant.now();
        given().contentType("application/json")
                .body(Map.of(
                        "name",
                        "bench",
                        "version",
                        "1.0",
                        "network",
                        NETWORK,
                        "initRequired",
                        true,
                        "init",
                        Map.of("function", "Init", "args", List.of())))
                .when()
                .post("/api/v1/chaincodes")
                .then()
                .statusCode(202);
        JsonPath status = awaitReady("bench", 1, Duration.ofMinutes(3));
        long serviceMillis = Duration.between(start, Instant.now()).toMillis();
        long serviceBlocks = fabric.height() - heightBefore;

        // CLI: the walkthrough's sequence (plaintext chaincode connection, as there), including its server start.
        String address = LocalFabric.HOST + ":" + LocalFabric.freePort();
        CliSequence cli = new CliSequence(fabric, ROOT.resolve("cli-bench"));
        Process[] server = new Process[1];
        long cliBlocks;
        long cliMillis;
        try {
            long cliHeightBefore = fabric.height();
            Instant cliStart = Instant.now();
            cli.run("benchcli", "benchcli_1.0", address, packageId -> server[0] = startServer(address, packageId));
            cliMillis = Duration.between(cliStart, Instant.now()).toMillis();
            cliBlocks = fabric.height() - cliHeightBefore;
        } finally {
            if (server[0] != null) {
                server[0].destroy();
            }
        }
        System.out.printf(
                "[bench] lifecycle-service deploy: %d ms, %d blocks (steps %s)%n"
                        + "[bench] CLI sequence: %d ms, %d blocks (steps %s)%n[bench] ratio service/CLI: %.2f%n",
                serviceMillis,
                serviceBlocks,
                status.getList("steps"),
                cliMillis,
                cliBlocks,
                cli.timings(),
                (double) serviceMillis / cliMillis);
        assertThat(serviceBlocks)
                .as("both approvals in one block, then commit, then init")
                .isEqualTo(3);
        assertThat(cliBlocks).isEqualTo(4);
    }

    private static Process startServer(String address, String packageId) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        MARBLES_JAR.toAbsolutePath().toString())
                .redirectErrorStream(true)
                .redirectOutput(ROOT.resolve("cli-bench-server.log").toFile());
        builder.environment().put("CHAINCODE_SERVER_ADDRESS", address);
        builder.environment().put("CHAINCODE_ID", packageId);
        builder.environment().put("CORE_CHAINCODE_ID_NAME", packageId);
        Process process = builder.start();
        int port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    try (java.net.Socket socket = new java.net.Socket(LocalFabric.HOST, port)) {
                        return true;
                    } catch (java.io.IOException notYet) {
                        return false;
                    }
                });
        return process;
    }

    private static JsonPath awaitReady(String name, long sequence, Duration timeout) {
        JsonPath[] last = new JsonPath[1];
        Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(100)).until(() -> {
            last[0] = given().when()
                    .get("/api/v1/chaincodes/" + name)
                    .then()
                    .extract()
                    .jsonPath();
            String phase = last[0].getString("phase");
            if ("FAILED".equals(phase)) {
                throw new AssertionError(name + " failed: " + last[0].prettify());
            }
            return "READY".equals(phase) && Long.valueOf(sequence).equals(last[0].getLong("committedSequence"));
        });
        return last[0];
    }

    private static void publish(NetworkReady ready) throws Exception {
        Properties props = new Properties();
        props.put(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                EmbeddedKafkaResource.broker().bootstrapServers());
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            CloudEvent<?> event = CloudEvent.of(URI.create("/test/e2e"), ready);
            producer.send(new ProducerRecord<>(Topics.NETWORK, event.subject(), EventJson.write(event)))
                    .get();
        }
    }

    private static void deleteRecursively(Path root) throws Exception {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
