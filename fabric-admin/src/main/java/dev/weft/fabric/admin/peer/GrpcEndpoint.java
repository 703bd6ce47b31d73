package dev.weft.fabric.admin.peer;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how to reach a peer (or orderer) over gRPC with TLS.
 *
 * <pre>{@code
 * GrpcEndpoint peer0 = GrpcEndpoint.tls("peer0.org1.example.com", "127.0.0.1", 7051, List.of(org1TlsCa))
 *         .withClientCertificate(adminTlsCert, adminTlsKey);   // only where the node requires client TLS
 * }</pre>
 *
 * @param name the node name, used as TLS server name (authority) and in error messages
 * @param host the host or IP to dial
 * @param port the port to dial
 * @param tlsRootCertificates the CAs trusted for the node's TLS certificate; empty for plaintext (tests only)
 * @param clientCertificate the TLS client certificate for mutual TLS, or {@code null}
 * @param clientKey the key of {@code clientCertificate}, or {@code null}
 */
public record GrpcEndpoint(
        String name,
        String host,
        int port,
        List<X509Certificate> tlsRootCertificates,
        X509Certificate clientCertificate,
        PrivateKey clientKey) {

    public GrpcEndpoint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        tlsRootCertificates = List.copyOf(tlsRootCertificates);
        if ((clientCertificate == null) != (clientKey == null)) {
            throw new IllegalArgumentException("client certificate and key go together");
        }
    }

    /** A TLS endpoint; the certificate must be valid for {@code name}. */
    public static GrpcEndpoint tls(String name, String host, int port, List<X509Certificate> tlsRootCertificates) {
        if (tlsRootCertificates.isEmpty()) {
            throw new IllegalArgumentException("TLS needs at least one trusted root certificate");
        }
        return new GrpcEndpoint(name, host, port, tlsRootCertificates, null, null);
    }

    /** A plaintext endpoint, for tests against fakes. */
    public static GrpcEndpoint plaintext(String name, String host, int port) {
        return new GrpcEndpoint(name, host, port, List.of(), null, null);
    }

    /** The same endpoint presenting a client certificate. */
    public GrpcEndpoint withClientCertificate(X509Certificate certificate, PrivateKey key) {
        return new GrpcEndpoint(name, host, port, tlsRootCertificates, certificate, key);
    }

    /** Whether TLS is used. */
    public boolean isTls() {
        return !tlsRootCertificates.isEmpty();
    }

    /** The client certificate, if any. */
    public Optional<X509Certificate> clientCertificateIfAny() {
        return Optional.ofNullable(clientCertificate);
    }

    /** {@code name (host:port)}, as used in error messages. */
    public String label() {
        return name + " (" + host + ":" + port + ")";
    }

    @Override
    public String toString() {
        return "GrpcEndpoint[" + label() + ", tls=" + isTls() + ", clientAuth=" + (clientCertificate != null) + "]";
    }
}
