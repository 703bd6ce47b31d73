package dev.weft.gateway;

import static dev.weft.testing.bench.Measure.latencies;
import static dev.weft.testing.bench.Measure.millis;
import static dev.weft.testing.bench.Measure.percentile;
import static dev.weft.testing.bench.Measure.throughput;

import dev.weft.gateway.config.GatewayConfig;
import dev.weft.gateway.fabric.SigningIdentityFiles;
import dev.weft.gateway.fake.FakeFabric;
import dev.weft.gateway.fake.FakeFabricResource;
import dev.weft.gateway.fake.RestartableKafkaResource;
import dev.weft.testing.bench.Measure.Call;
import dev.weft.testing.security.TestCredentials;
import io.grpc.ManagedChannel;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.Hash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * readMarble latency and initMarble throughput through the REST API versus a direct Fabric Gateway client, in the
 * same run, against the same (fake) peer. Prints figures; asserts nothing about time. Runs only with
 * {@code -Dweft.benchmark=true}.
 */
@QuarkusTest
@QuarkusTestResource(TestCredentials.Resource.class)
@QuarkusTestResource(FakeFabricResource.class)
@QuarkusTestResource(RestartableKafkaResource.class)
@EnabledIfSystemProperty(named = "weft.benchmark", matches = "true")
class RestVersusDirectBenchIT {

    private static final String API_KEY = TestCredentials.apiKey(TestCredentials.EVERY_ROLE);

    private static final int READS = Integer.getInteger("weft.benchmark.reads", 2000);
    private static final int WRITES = Integer.getInteger("weft.benchmark.writes", 800);
    private static final int THREADS = Integer.getInteger("weft.benchmark.threads", 8);

    @TestHTTPResource("/api/v1/marbles")
    URL marbles;

    @Inject
    GatewayConfig config;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void rest_versus_direct() throws Exception {
        SigningIdentityFiles.Loaded identity = SigningIdentityFiles.load(config.identity());
        ManagedChannel channel =
                InProcessChannelBuilder.forName(FakeFabric.PEER).build();
        try (Gateway gateway = Gateway.newInstance()
                .identity(identity.identity())
                .signer(identity.signer())
                .hash(Hash.SHA256)
                .connection(channel)
                .connect()) {
            Contract contract = gateway.getNetwork(config.channel()).getContract(config.chaincode());
            String name = "bench-" + UUID.randomUUID();
            restCreate(name);
            Call direct = n -> contract.evaluateTransaction("readMarble", n);
            Call rest = this::restRead;
            latencies(direct, name, 300);
            latencies(rest, name, 300);
            List<Long> directReads = latencies(direct, name, READS);
            List<Long> restReads = latencies(rest, name, READS);
            Call directCreate = n -> contract.submitTransaction("initMarble", n, "blue", "1", "bench");
            Call restCreate = this::restCreate;
            double directWrites = throughput(directCreate, WRITES, THREADS);
            double restWrites = throughput(restCreate, WRITES, THREADS);
            String report = String.format(
                    "readMarble p50/p99 (ms): direct %.3f / %.3f, REST %.3f / %.3f (p50 ratio %.2f)%n"
                            + "initMarble throughput (tx/s, %d threads, %d tx): direct %.1f, REST %.1f (ratio %.2f)%n",
                    millis(percentile(directReads, 50)),
                    millis(percentile(directReads, 99)),
                    millis(percentile(restReads, 50)),
                    millis(percentile(restReads, 99)),
                    (double) percentile(restReads, 50) / percentile(directReads, 50),
                    THREADS,
                    WRITES,
                    directWrites,
                    restWrites,
                    restWrites / directWrites);
            System.out.println("BENCHMARK\n" + report);
            Files.writeString(Path.of("target/benchmark.txt"), report);
        } finally {
            channel.shutdownNow();
        }
    }

    private void restRead(String name) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(marbles + "/" + name))
                        .header("X-API-Key", API_KEY)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.body());
        }
    }

    private void restCreate(String name) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(marbles.toString()))
                        .header("Content-Type", "application/json")
                        .header("X-API-Key", API_KEY)
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"name\":\"" + name + "\",\"color\":\"blue\",\"size\":1,\"owner\":\"bench\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException(response.body());
        }
    }
}
