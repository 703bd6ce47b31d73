package dev.weft.fabric.admin.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.fabric.admin.channel.FabricTools;
import dev.weft.testing.RequiresFabricBinaries;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The org CA this library writes bootstraps a real {@code fabric-ca-server} ({@code --ca.certfile} /
 * {@code --ca.keyfile}): the server reports our certificate in {@code /cainfo}, and what it enrolls chains to it.
 */
@RequiresFabricBinaries
class FabricCaBootstrapE2eIT {

    private final FabricTools tools = new FabricTools();

    @TempDir
    Path work;

    @Test
    void fabric_ca_server_serves_our_ca_and_enrolls_under_it() throws Exception {
        assumeTrue(tools.has("fabric-ca-server"), "fabric-ca-server is not in FABRIC_BIN");
        CryptoMaterial crypto = new CryptoGenerator().generate(Topology.walkthrough());
        Path root = work.resolve("crypto-config");
        CryptoStore.writeTo(crypto, root);
        OrgMaterial org1 = crypto.org("Org1");
        Path caDir = root.resolve(org1.directory()).resolve("ca");
        int port = freePort();
        int operationsPort = freePort();

        Process server = new ProcessBuilder(
                        tools.executable("fabric-ca-server").toString(),
                        "start",
                        "-b",
                        "admin:adminpw",
                        "--address",
                        "127.0.0.1",
                        "--port",
                        String.valueOf(port),
                        "--operations.listenaddress",
                        "127.0.0.1:" + operationsPort,
                        "--home",
                        work.resolve("ca-home").toString(),
                        "--ca.certfile",
                        caDir.resolve(org1.ca().certFileName()).toString(),
                        "--ca.keyfile",
                        caDir.resolve("priv_sk").toString())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("fabric-ca-server.log").toFile())
                .start();
        try {
            JsonNode info = awaitCaInfo(port, server);
            X509Certificate served = Pem.parseCertificate(
                    Base64.getDecoder().decode(info.at("/result/CAChain").asText()));
            assertThat(served).isEqualTo(org1.ca().certificate());

            Path clientHome = work.resolve("client");
            tools.run(
                    work,
                    Map.of(),
                    "fabric-ca-client",
                    "enroll",
                    "-u",
                    "http://admin:adminpw@127.0.0.1:" + port,
                    "-H",
                    clientHome.toString());
            Path enrolled;
            try (var files = Files.list(clientHome.resolve("msp/signcerts"))) {
                enrolled = files.findFirst().orElseThrow();
            }
            CertificateChains.validate(
                    Pem.parseCertificate(Files.readAllBytes(enrolled)),
                    org1.ca().certificate());
        } finally {
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    private JsonNode awaitCaInfo(int port, Process server) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/cainfo"))
                .timeout(Duration.ofSeconds(5))
                .build();
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) {
                throw new IllegalStateException("fabric-ca-server exited:\n" + log());
            }
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return new ObjectMapper().readTree(response.body());
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("fabric-ca-server did not answer /cainfo within 60 s:\n" + log());
    }

    private String log() throws IOException {
        List<String> lines = Files.readAllLines(work.resolve("fabric-ca-server.log"));
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
