package dev.weft.provisioner.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.events.CloudEvent;
import dev.weft.events.EventJson;
import dev.weft.events.NetworkReady;
import dev.weft.events.Topics;
import dev.weft.kafka.embedded.EmbeddedKafka;
import dev.weft.provisioner.spec.NetworkSpec;
import dev.weft.provisioner.spec.NetworkSpecs;
import dev.weft.provisioner.workflow.NetworkFolder;
import dev.weft.testing.FabricBinaries;
import dev.weft.testing.RequiresFabricBinaries;
import java.net.http.HttpResponse;
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
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged service in local mode with a real embedded Kafka and real Fabric binaries: the walkthrough network
 * is posted, the service is killed with SIGKILL once the nodes are started, and a fresh service on the same work
 * folder finishes the same request: it adopts the running nodes instead of starting them twice and keeps every key.
 */
@RequiresFabricBinaries
class LocalProvisioningE2eIT {

    /** The default spec; only the port block is moved off 7000 so as not to meet other Fabric processes here. */
    static final String SPEC = "{\"name\":\"e2e\",\"local\":{\"portBase\":27000}}";

    static EmbeddedKafka kafka;
    static Path workDir;
    static NetworkFolder folder;

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = EmbeddedKafka.builder().build().start();
        workDir = Path.of("target/e2e/work-" + System.currentTimeMillis()).toAbsolutePath();
        folder = NetworkFolder.of(workDir, "e2e");
    }

    @AfterAll
    static void cleanUp() throws Exception {
        if (folder != null) {
            FabricChecks.stopAll(folder);
        }
        if (kafka != null) {
            kafka.stop();
        }
    }

    static Map<String, String> serviceProperties() {
        return Map.of(
                "kafka.bootstrap.servers", kafka.bootstrapServers(),
                "weft.provisioner.work-dir", workDir.toString(),
                "weft.provisioner.local.fabric-bin",
                        FabricBinaries.fromEnvironment().folder().toString());
    }

    @Test
    void killed_mid_way_the_service_resumes_the_same_request_to_ready_without_new_keys() throws Exception {
        Map<String, byte[]> keysBefore;
        Map<String, Long> pidsBefore;
        try (ServiceProcess first = ServiceProcess.start(serviceProperties(), workDir.resolve("service-1.log"))) {
            HttpResponse<String> accepted = first.post("/api/v1/networks", SPEC);
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            assertThat(accepted.headers().firstValue("Location"))
                    .hasValueSatisfying(l -> assertThat(l).endsWith("/api/v1/networks/e2e"));

            await().atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> stepStatus(first, "runtime-apply").equals("SUCCEEDED"));
            first.kill();
            keysBefore = FabricChecks.keyFiles(folder.crypto());
            pidsBefore = FabricChecks.livePids(folder);
        }
        assertThat(keysBefore).isNotEmpty();
        assertThat(pidsBefore).containsKeys("orderer0", "orderer1", "orderer2", "org1-peer0", "org2-peer0");

        try (ServiceProcess second = ServiceProcess.start(serviceProperties(), workDir.resolve("service-2.log"))) {
            HttpResponse<String> again = second.post("/api/v1/networks", SPEC);
            assertThat(again.statusCode()).as(again.body()).isEqualTo(202);

            await().atMost(Duration.ofMinutes(4))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        String phase = json(second.get("/api/v1/networks/e2e").body())
                                .path("phase")
                                .asText();
                        assertThat(phase)
                                .as(second.get("/api/v1/networks/e2e").body())
                                .isNotEqualTo("FAILED");
                        return phase.equals("READY");
                    });

            assertThat(FabricChecks.keyFiles(folder.crypto())).containsExactlyInAnyOrderEntriesOf(keysBefore);
            assertThat(FabricChecks.livePids(folder)).containsAllEntriesOf(pidsBefore);
            JsonNode status = json(second.get("/api/v1/networks/e2e").body());
            assertThat(status.path("conditions").findValuesAsText("step")).contains("crypto", "peers-join");
            assertThat(status.toString()).doesNotContain("PRIVATE KEY");

            NetworkSpec spec = NetworkSpecs.parse(SPEC);
            FabricChecks fabric = new FabricChecks(spec, folder);
            assertThat(fabric.peerChannels())
                    .containsOnlyKeys("org1-peer0", "org2-peer0")
                    .allSatisfy((peer, channels) -> assertThat(channels).contains("mychannel"));
            assertThat(fabric.ordererChannels())
                    .containsOnlyKeys("orderer0", "orderer1", "orderer2")
                    .allSatisfy((orderer, channels) -> assertThat(channels).contains("mychannel"));

            NetworkReady ready = awaitReadyEvent("e2e");
            assertThat(ready.runtime()).isEqualTo("local");
            assertThat(ready.organizations())
                    .extracting(NetworkReady.Organization::adminIdentity)
                    .allSatisfy(ref ->
                            assertThat(Path.of(ref.substring("file:".length()))).isDirectory());

            HttpResponse<String> deleted =
                    second.send(java.net.http.HttpRequest.newBuilder(second.uri("/api/v1/networks/e2e"))
                            .DELETE());
            assertThat(deleted.statusCode()).isEqualTo(200);
            assertThat(FabricChecks.livePids(folder)).isEmpty();
            assertThat(Files.isDirectory(folder.crypto())).isTrue();
        }
    }

    static String stepStatus(ServiceProcess service, String step) throws Exception {
        for (JsonNode c : json(service.get("/api/v1/networks/e2e").body()).path("conditions")) {
            if (c.path("step").asText().equals(step)) {
                return c.path("status").asText();
            }
        }
        return "";
    }

    static JsonNode json(String body) throws Exception {
        return EventJson.mapper().readTree(body);
    }

    /** Reads weft.network from the start until the network's NetworkReady. */
    static NetworkReady awaitReadyEvent(String network) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "e2e-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest");
        List<NetworkReady> ready = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.NETWORK));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    CloudEvent<?> event = EventJson.read(record.value());
                    if (network.equals(record.key()) && event.data() instanceof NetworkReady r) {
                        ready.add(r);
                    }
                }
                return !ready.isEmpty();
            });
        }
        return ready.get(0);
    }
}
