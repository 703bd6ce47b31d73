package dev.weft.e2e;

import static dev.weft.testing.bench.Measure.millis;
import static dev.weft.testing.bench.Measure.percentile;
import static dev.weft.testing.bench.Measure.throughput;

import dev.weft.testing.RequiresFabricBinaries;
import dev.weft.testing.bench.Measure;
import dev.weft.testing.bench.Measure.Call;
import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import java.io.IOException;
import java.io.Reader;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
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
 * what the REST gateway adds. Reads are measured in rounds of calls interleaved series by series (ADR 0027), with
 * REST through two HTTP clients and the bare HTTP round trip of each beside them. Prints figures and writes them to
 * {@code target/benchmark.txt}; asserts nothing about time. Runs only with {@code -Dweft.benchmark=true}, on its own
 * port base.
 */
@RequiresFabricBinaries
@EnabledIfSystemProperty(named = "weft.benchmark", matches = "true")
class RestVersusDirectBenchE2eIT {

    private static final int PORT_BASE = Integer.getInteger("weft.benchmark.port-base", 30000);
    private static final int READS = Integer.getInteger("weft.benchmark.reads", 1000);
    private static final int WRITES = Integer.getInteger("weft.benchmark.writes", 200);
    private static final int THREADS = Integer.getInteger("weft.benchmark.threads", 8);
    private static final int ROUNDS = Integer.getInteger("weft.benchmark.rounds", 3);

    private static final String DIRECT = "direct Fabric client";
    private static final String REST_APACHE = "REST, Apache HttpClient 5";
    private static final String REST_JDK = "REST, java.net.http";
    private static final String HOP_APACHE = "HTTP hop only, Apache";
    private static final String HOP_JDK = "HTTP hop only, java.net.http";

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
                        .connect();
                CloseableHttpClient apache = HttpClients.custom()
                        .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                                .setMaxConnTotal(THREADS * 2)
                                .setMaxConnPerRoute(THREADS * 2)
                                .build())
                        .build()) {
            Contract contract = gateway.getNetwork("mychannel").getContract("marbles");
            String name = "bench-" + UUID.randomUUID();
            restCreate(apache, name);
            Map<String, Call> reads = new LinkedHashMap<>();
            reads.put(DIRECT, n -> contract.evaluateTransaction("readMarble", n));
            // REST through two common Java clients: Apache HttpClient runs the call on the caller's thread, as the
            // direct client does; java.net.http hands each call to its own selector thread and back.
            reads.put(REST_APACHE, n -> apacheGet(apache, "/api/v1/marbles/" + n));
            reads.put(REST_JDK, n -> jdkGet("/api/v1/marbles/" + n));
            // One HTTP round trip to the gateway JVM that does no Fabric work: what REST adds at least.
            reads.put(HOP_APACHE, n -> apacheGet(apache, "/q/health/live"));
            reads.put(HOP_JDK, n -> jdkGet("/q/health/live"));
            // Warm every path (JIT, connection pools); then call the series in turn, call by call, so that drift in
            // the shared machine's load falls on all of them alike.
            Measure.interleaved(reads, name, 500);
            String loadBefore = loadAverage();
            List<Map<String, List<Long>>> rounds = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                Map<String, List<Long>> nanos = Measure.interleaved(reads, name, READS);
                nanos.values().forEach(Collections::sort);
                rounds.add(nanos);
            }
            String loadAfter = loadAverage();
            Call directCreate = n -> contract.submitTransaction("initMarble", n, "blue", "1", "bench");
            Call restCreate = n -> restCreate(apache, n);
            throughput(directCreate, THREADS * 2, THREADS);
            throughput(restCreate, THREADS * 2, THREADS);
            double directWrites = throughput(directCreate, WRITES, THREADS);
            double restWrites = throughput(restCreate, WRITES, THREADS);
            StringBuilder report = new StringBuilder(
                    String.format("load average (1 min) before / after the reads: %s / %s%n", loadBefore, loadAfter));
            report.append(readsReport(rounds));
            report.append(String.format(
                    "initMarble throughput (tx/s, %d threads, %d tx): direct %.1f, REST %.1f (ratio %.2f)%n",
                    THREADS, WRITES, directWrites, restWrites, restWrites / directWrites));
            System.out.println("BENCHMARK\n" + report);
            Files.writeString(Path.of("target/benchmark.txt"), report);
        } finally {
            channel.shutdownNow();
        }
    }

    /** Each round's p50 / p99 per series, with REST's p50 ratio to direct, then REST's median ratio per client. */
    private static String readsReport(List<Map<String, List<Long>>> rounds) {
        StringBuilder report = new StringBuilder();
        for (int round = 0; round < rounds.size(); round++) {
            Map<String, List<Long>> nanos = rounds.get(round);
            report.append(String.format(
                    "readMarble round %d of %d, p50 / p99 (ms, %d interleaved calls each):%n",
                    round + 1, rounds.size(), READS));
            for (Map.Entry<String, List<Long>> series : nanos.entrySet()) {
                report.append(String.format(
                        "  %-28s %6.2f / %6.2f%s%n",
                        series.getKey(),
                        millis(percentile(series.getValue(), 50)),
                        millis(percentile(series.getValue(), 99)),
                        series.getKey().startsWith("REST")
                                ? String.format("   p50 ratio %.2f", p50Ratio(nanos, series.getKey()))
                                : ""));
            }
        }
        for (String rest : List.of(REST_APACHE, REST_JDK)) {
            List<Double> ratios =
                    rounds.stream().map(nanos -> p50Ratio(nanos, rest)).sorted().toList();
            report.append(String.format(
                    "%s: median p50 ratio over %d rounds %.2f (rounds %s)%n",
                    rest,
                    ratios.size(),
                    ratios.get(ratios.size() / 2),
                    ratios.stream().map(r -> String.format("%.2f", r)).toList()));
        }
        return report.toString();
    }

    private static double p50Ratio(Map<String, List<Long>> nanos, String series) {
        return (double) percentile(nanos.get(series), 50) / percentile(nanos.get(DIRECT), 50);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private void apacheGet(CloseableHttpClient apache, String path) throws IOException {
        HttpGet get = withKey(new HttpGet(suite.url(Suite.Api.GATEWAY, path)));
        apache.execute(get, response -> expect(200, response.getCode(), EntityUtils.toString(response.getEntity())));
    }

    private void jdkGet(String path) throws Exception {
        HttpResponse<String> response =
                http.send(suite.request(Suite.Api.GATEWAY, path).build(), HttpResponse.BodyHandlers.ofString());
        expect(200, response.statusCode(), response.body());
    }

    private void restCreate(CloseableHttpClient apache, String name) throws IOException {
        HttpPost post = withKey(new HttpPost(suite.url(Suite.Api.GATEWAY, "/api/v1/marbles")));
        post.setEntity(new StringEntity(
                "{\"name\":\"" + name + "\",\"color\":\"blue\",\"size\":1,\"owner\":\"bench\"}",
                ContentType.APPLICATION_JSON));
        apache.execute(post, response -> expect(201, response.getCode(), EntityUtils.toString(response.getEntity())));
    }

    /** The local API key on an Apache request, as {@link Suite#request} puts it on the others. */
    private static <T extends HttpUriRequestBase> T withKey(T request) {
        request.setHeader("X-API-Key", suite.apiKey());
        return request;
    }

    private static Void expect(int expected, int status, String body) {
        if (status != expected) {
            throw new IllegalStateException(status + " " + body);
        }
        return null;
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
