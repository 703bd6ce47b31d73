package dev.weft.gateway.fake;

import io.grpc.Server;
import io.grpc.inprocess.InProcessServerBuilder;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The fake peer of the tests: a {@link FakeGatewayService} served in process under {@link #PEER}, plus a throwaway
 * client identity on disk. {@link #DOWN_PEER} is configured first and never served, so every call also proves the
 * failover to the second endpoint.
 */
public final class FakeFabric {

    /** The in-process name of the served peer. */
    public static final String PEER = "fake-peer0.org1";

    /** A configured endpoint with nothing behind it. */
    public static final String DOWN_PEER = "fake-peer1.org1-down";

    private static FakeGatewayService service;
    private static Server server;
    private static Path identityDir;

    private FakeFabric() {}

    /** Starts the fake once per JVM and returns the configuration that points the gateway at it. */
    public static synchronized Map<String, String> start() {
        if (server == null) {
            service = new FakeGatewayService();
            try {
                server = InProcessServerBuilder.forName(PEER)
                        .addService(service)
                        .build()
                        .start();
                identityDir = Files.createTempDirectory("weft-gateway-identity");
                writeIdentity(identityDir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Map.of(
                "weft.gateway.peers[0].address",
                DOWN_PEER,
                "weft.gateway.peers[1].address",
                PEER,
                "weft.gateway.identity.msp-id",
                FakeGatewayService.MSP_ID,
                "weft.gateway.identity.cert-path",
                identityDir.resolve("cert.pem").toString(),
                "weft.gateway.identity.key-path",
                identityDir.resolve("key.pem").toString(),
                "weft.gateway.events.checkpoint-file",
                identityDir.resolve("events.checkpoint").toString());
    }

    /** The running fake. */
    public static FakeGatewayService service() {
        return service;
    }

    private static void writeIdentity(Path dir) throws IOException {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            X500Name subject = new X500Name("CN=gateway,OU=client,O=Org1");
            Instant now = Instant.now();
            var holder = new JcaX509v3CertificateBuilder(
                            subject,
                            BigInteger.ONE,
                            Date.from(now.minus(1, ChronoUnit.DAYS)),
                            Date.from(now.plus(365, ChronoUnit.DAYS)),
                            subject,
                            pair.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate()));
            Files.writeString(dir.resolve("cert.pem"), pem(holder));
            Files.writeString(dir.resolve("key.pem"), pem(new JcaPKCS8Generator(pair.getPrivate(), null)));
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(Object object) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        }
        return out.toString();
    }
}
