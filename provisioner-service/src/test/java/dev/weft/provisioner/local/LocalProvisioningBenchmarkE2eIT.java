package dev.weft.provisioner.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.events.EventJson;
import dev.weft.kafka.embedded.EmbeddedKafka;
import dev.weft.provisioner.workflow.NetworkFolder;
import dev.weft.testing.FabricBinaries;
import dev.weft.testing.RequiresFabricBinaries;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Time from {@code POST /api/v1/networks} to phase {@code READY} for the walkthrough network in local mode, against
 * the walkthrough's manual sequence with Fabric's CLIs ({@code bench/walkthrough-manual.sh}: cryptogen, configtxgen,
 * start 3 orderers and 2 peers, osnadmin join ×3, peer channel join ×2), alternating, in the same run. Writes the
 * table to {@code target/benchmarks/provisioner-local.md}.
 */
@RequiresFabricBinaries
class LocalProvisioningBenchmarkE2eIT {

    static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    static final int PORT_BASE = 28000;

    @Test
    void post_to_ready_against_the_manual_cli_sequence() throws Exception {
        Path root = Path.of("target/bench/run-" + System.currentTimeMillis()).toAbsolutePath();
        Path fabricBin = FabricBinaries.fromEnvironment().folder();
        List<Long> service = new ArrayList<>();
        List<Long> manual = new ArrayList<>();
        try (EmbeddedKafka kafka = EmbeddedKafka.builder().build().start();
                ServiceProcess app = ServiceProcess.start(
                        Map.of(
                                "kafka.bootstrap.servers", kafka.bootstrapServers(),
                                "weft.provisioner.work-dir",
                                        root.resolve("service").toString(),
                                "weft.provisioner.local.fabric-bin", fabricBin.toString()),
                        root.resolve("service.log"))) {
            for (int round = 0; round < ROUNDS; round++) {
                service.add(timeService(app, root, "bench" + round));
                manual.add(timeManual(fabricBin, root.resolve("manual-" + round)));
            }
        }
        String table = table(service, manual);
        System.out.println(table);
        Files.createDirectories(Path.of("target/benchmarks"));
        Files.writeString(Path.of("target/benchmarks/provisioner-local.md"), table, StandardCharsets.UTF_8);
        assertThat(service).hasSize(ROUNDS);
    }

    private static long timeService(ServiceProcess app, Path root, String name) throws Exception {
        String spec = "{\"name\":\"" + name + "\",\"local\":{\"portBase\":" + PORT_BASE + "}}";
        long start = System.nanoTime();
        HttpResponse<String> accepted = app.post("/api/v1/networks", spec);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        while (true) {
            String phase = EventJson.mapper()
                    .readTree(app.get("/api/v1/networks/" + name).body())
                    .path("phase")
                    .asText();
            if (phase.equals("READY")) {
                break;
            }
            assertThat(phase).as(app.get("/api/v1/networks/" + name).body()).isNotEqualTo("FAILED");
            assertThat(System.nanoTime() - start).isLessThan(TimeUnit.MINUTES.toNanos(4));
            Thread.sleep(50);
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        HttpResponse<String> deleted =
                app.send(HttpRequest.newBuilder(app.uri("/api/v1/networks/" + name + "?purge=true"))
                        .DELETE());
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
        assertThat(FabricChecks.livePids(NetworkFolder.of(root.resolve("service"), name)))
                .isEmpty();
        return millis;
    }

    private static long timeManual(Path fabricBin, Path work) throws Exception {
        Path script = Path.of("src/test/resources/bench/walkthrough-manual.sh").toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder(
                        "bash", script.toString(), work.toString(), Integer.toString(PORT_BASE))
                .redirectErrorStream(true)
                .redirectOutput(work.resolveSibling(work.getFileName() + ".log").toFile());
        builder.environment().put("FABRIC_BIN", fabricBin.toString());
        long start = System.nanoTime();
        Process process = builder.start();
        boolean finished = process.waitFor(4, TimeUnit.MINUTES);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        try {
            assertThat(finished).as("manual sequence finished").isTrue();
            assertThat(process.exitValue()).as("manual sequence exit code").isZero();
        } finally {
            process.destroyForcibly();
            stopManualNodes(work);
        }
        return millis;
    }

    private static void stopManualNodes(Path work) throws Exception {
        Path pids = work.resolve("pids");
        if (!Files.isRegularFile(pids)) {
            return;
        }
        for (String line : Files.readAllLines(pids)) {
            if (!line.isBlank()) {
                ProcessHandle.of(Long.parseLong(line.trim())).ifPresent(p -> {
                    p.destroy();
                    p.onExit()
                            .orTimeout(15, TimeUnit.SECONDS)
                            .exceptionally(e -> {
                                p.destroyForcibly();
                                return p;
                            })
                            .join();
                });
            }
        }
    }

    private static String table(List<Long> service, List<Long> manual) {
        StringBuilder out = new StringBuilder();
        out.append("| round | Weft provisioner: POST → READY (ms) | manual CLI sequence (ms) |\n");
        out.append("| --- | ---: | ---: |\n");
        for (int i = 0; i < service.size(); i++) {
            out.append("| ")
                    .append(i + 1)
                    .append(" | ")
                    .append(service.get(i))
                    .append(" | ")
                    .append(manual.get(i))
                    .append(" |\n");
        }
        out.append("| median | ")
                .append(median(service))
                .append(" | ")
                .append(median(manual))
                .append(" |\n");
        return out.toString();
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
