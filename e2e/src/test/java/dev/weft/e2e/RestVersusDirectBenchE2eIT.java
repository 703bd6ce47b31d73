package dev.weft.e2e;

import static dev.weft.testing.bench.Measure.latencies;
import static dev.weft.testing.bench.Measure.millis;
import static dev.weft.testing.bench.Measure.percentile;
import static dev.weft.testing.bench.Measure.throughput;

import dev.weft.testing.RequiresFabricBinaries;
import dev.weft.testing.bench.Measure.Call;
import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import java.io.IOException;
import java.io.Reader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.Hash;
import org.hyperledger.fabric.client.identity.Identities;
import org.hyperledger.fabric.client.identity.Identity;
import org.hyperledger.fabric.client.identity.Signer;
import org.hyperledger.fabric.client.identity.Signers;
import org.hyperledger.fabric.client.identity.X509Identity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * readMarble latency and initMarble throughput through the gateway's REST API versus a direct Fabric Gateway client
 * with the same identity, on the same real network, in the same run. Both paths end at org1's peer; the difference is
 * what the REST gateway adds. Prints figures and writes them to {@code target/benchmark.txt}; asserts nothing about
 * time. Runs only with {@code -Dweft.benchmark=true}, on its own port base.
 */
@RequiresFabricBinaries
@EnabledIfSystemProperty(named = "weft.benchmark", matches = "true")
class RestVersusDirectBenchE2eIT {

    private static final int PORT_BASE = Integer.getInteger("weft.benchmark.port-base", 30000);
    private static final int READS = Integer.getInteger("weft.benchmark.reads", 1000);
    private static final int WRITES = Integer.getInteger("weft.benchmark.writes", 200);
    private static final int THREADS = Integer.getInteger("weft.benchmark.threads", 8);

    private static Suite suite;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void up() throws Exception {
        suite = new Suite(Files.createTempDirectory("weft-bench-"), PORT_BASE);
        suite.weft("up", Duration.ofMinutes(20));
    }

    @AfterAll
    static void down() throws Exception {
        if (suite != null) {
            suite.weft("down", Duration.ofMinutes(2));
        }
    }

    @Test
    void rest_versus_direct_on_a_real_peer() throws Exception {
        Path org1 = suite.workDir().resolve("provisioner/weft/crypto/peerOrganizations/org1.weft");
        Path user = org1.resolve("users/User1@org1.weft/msp");
        ManagedChannel channel = Grpc.newChannelBuilder(
                        "127.0.0.1:" + (PORT_BASE + 100), tls(org1.resolve("tlsca/tlsca.org1.weft-cert.pem")))
                .build();
        try (Gateway gateway = Gateway.newInstance()
                .identity(identity(user.resolve("signcerts/User1@org1.weft-cert.pem")))
                .signer(signer(user.resolve("keystore/priv_sk")))
                .hash(Hash.SHA256)
                .connection(channel)
                .connect()) {
            Contract contract = gateway.getNetwork("mychannel").getContract("marbles");
            String name = "bench-" + UUID.randomUUID();
            restCreate(name);
            Call direct = n -> contract.evaluateTransaction("readMarble", n);
            Call rest = this::restRead;
            // The cost of one HTTP round trip to the gateway JVM that does no Fabric work: what REST adds at least.
            Call hop = n -> restGet("/q/health/live");
            // Warm every path (JIT, connection pools) before measuring; alternate so drift hits all alike.
            latencies(direct, name, 200);
            latencies(rest, name, 200);
            latencies(hop, name, 200);
            List<Long> directReads = new ArrayList<>();
            List<Long> restReads = new ArrayList<>();
            List<Long> hops = new ArrayList<>();
            for (int round = 0; round < 4; round++) {
                directReads.addAll(latencies(direct, name, READS / 4));
                restReads.addAll(latencies(rest, name, READS / 4));
                hops.addAll(latencies(hop, name, READS / 4));
            }
            Collections.sort(directReads);
            Collections.sort(restReads);
            Collections.sort(hops);
            Call directCreate = n -> contract.submitTransaction("initMarble", n, "blue", "1", "bench");
            Call restCreate = this::restCreate;
            throughput(directCreate, THREADS * 2, THREADS);
            throughput(restCreate, THREADS * 2, THREADS);
            double directWrites = throughput(directCreate, WRITES, THREADS);
            double restWrites = throughput(restCreate, WRITES, THREADS);
            String report = String.format(
                    "readMarble p50/p99 (ms, %d calls): direct %.2f / %.2f, REST %.2f / %.2f (p50 ratio %.2f)%n"
                            + "HTTP round trip without Fabric work (GET /q/health/live) p50/p99 (ms): %.2f / %.2f%n"
                            + "initMarble throughput (tx/s, %d threads, %d tx): direct %.1f, REST %.1f (ratio %.2f)%n",
                    READS,
                    millis(percentile(directReads, 50)),
                    millis(percentile(directReads, 99)),
                    millis(percentile(restReads, 50)),
                    millis(percentile(restReads, 99)),
                    (double) percentile(restReads, 50) / percentile(directReads, 50),
                    millis(percentile(hops, 50)),
                    millis(percentile(hops, 99)),
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
        restGet("/api/v1/marbles/" + name);
    }

    private void restGet(String path) throws Exception {
        HttpResponse<String> response =
                http.send(suite.request(Suite.Api.GATEWAY, path).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
    }

    private void restCreate(String name) throws Exception {
        HttpResponse<String> response = http.send(
                suite.request(Suite.Api.GATEWAY, "/api/v1/marbles")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"name\":\"" + name + "\",\"color\":\"blue\",\"size\":1,\"owner\":\"bench\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
    }

    private static ChannelCredentials tls(Path caCert) throws IOException {
        return TlsChannelCredentials.newBuilder().trustManager(caCert.toFile()).build();
    }

    private static Identity identity(Path certPem) throws IOException, CertificateException {
        try (Reader reader = Files.newBufferedReader(certPem)) {
            return new X509Identity("Org1MSP", Identities.readX509Certificate(reader));
        }
    }

    private static Signer signer(Path keyPem) throws IOException, InvalidKeyException {
        try (Reader reader = Files.newBufferedReader(keyPem)) {
            PrivateKey key = Identities.readPrivateKey(reader);
            return Signers.newPrivateKeySigner(key);
        }
    }
}
