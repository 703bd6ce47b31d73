package dev.weft.fabric.admin.peer;

import io.grpc.ChannelCredentials;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * Opens gRPC channels to Fabric nodes.
 *
 * <p>Keepalive pings go out every 2 minutes at most: the peer and orderer only permit one per minute ({@code
 * minInterval}) and close connections that ping faster with {@code ENHANCE_YOUR_CALM too_many_pings}.
 *
 * <pre>{@code
 * ManagedChannel channel = GrpcConnections.open(peer0);
 * try {
 *     ...
 * } finally {
 *     GrpcConnections.close(channel);
 * }
 * }</pre>
 */
public final class GrpcConnections {

    private static final int MAX_MESSAGE_BYTES = 100 * 1024 * 1024;

    private GrpcConnections() {}

    /** A channel to {@code endpoint}; TLS server name is the endpoint name. */
    public static ManagedChannel open(GrpcEndpoint endpoint) {
        return NettyChannelBuilder.forAddress(endpoint.host(), endpoint.port(), credentials(endpoint))
                .overrideAuthority(endpoint.name())
                .keepAliveTime(2, TimeUnit.MINUTES)
                .keepAliveTimeout(20, TimeUnit.SECONDS)
                .keepAliveWithoutCalls(false)
                .maxInboundMessageSize(MAX_MESSAGE_BYTES)
                .build();
    }

    /** Shuts a channel down and waits briefly for calls to end. */
    public static void close(ManagedChannel channel) {
        channel.shutdownNow();
        try {
            channel.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static ChannelCredentials credentials(GrpcEndpoint endpoint) {
        if (!endpoint.isTls()) {
            return InsecureChannelCredentials.create();
        }
        try {
            TlsChannelCredentials.Builder tls = TlsChannelCredentials.newBuilder()
                    .trustManager(new ByteArrayInputStream(pem(endpoint.tlsRootCertificates())));
            if (endpoint.clientCertificate() != null) {
                tls.keyManager(
                        new ByteArrayInputStream(pem(java.util.List.of(endpoint.clientCertificate()))),
                        new ByteArrayInputStream(pemKey(endpoint.clientKey().getEncoded())));
            }
            return tls.build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load TLS material for " + endpoint.label(), e);
        }
    }

    private static byte[] pem(java.util.List<X509Certificate> certificates) {
        StringBuilder out = new StringBuilder();
        for (X509Certificate certificate : certificates) {
            try {
                out.append("-----BEGIN CERTIFICATE-----\n")
                        .append(mime(certificate.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            } catch (CertificateEncodingException e) {
                throw new IllegalArgumentException("certificate cannot be encoded", e);
            }
        }
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] pemKey(byte[] pkcs8) {
        return ("-----BEGIN PRIVATE KEY-----\n" + mime(pkcs8) + "\n-----END PRIVATE KEY-----\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static String mime(byte[] der) {
        return Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
    }
}
