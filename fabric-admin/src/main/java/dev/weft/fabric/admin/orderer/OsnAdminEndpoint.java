package dev.weft.fabric.admin.orderer;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * An orderer's admin (channel participation) endpoint. With TLS it is always mutual: the orderer refuses an admin
 * endpoint with TLS but without client authentication.
 *
 * <pre>{@code
 * OsnAdminEndpoint orderer0 = OsnAdminEndpoint.mutualTls(
 *         "orderer0.example.com", "127.0.0.1", 7053, List.of(ordererTlsCa), adminTlsCert, adminTlsKey);
 * }</pre>
 *
 * @param name the orderer name; its TLS certificate must be valid for it
 * @param host the host or IP to connect to
 * @param port the admin port
 * @param tlsRootCertificates CAs trusted for the orderer's TLS certificate; empty for plain HTTP (tests only)
 * @param clientCertificate the admin's TLS client certificate, or {@code null} for plain HTTP
 * @param clientKey the key of {@code clientCertificate}, or {@code null}
 */
public record OsnAdminEndpoint(
        String name,
        String host,
        int port,
        List<X509Certificate> tlsRootCertificates,
        X509Certificate clientCertificate,
        PrivateKey clientKey) {

    public OsnAdminEndpoint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        tlsRootCertificates = List.copyOf(tlsRootCertificates);
        if (!tlsRootCertificates.isEmpty() && (clientCertificate == null || clientKey == null)) {
            throw new IllegalArgumentException("the orderer admin endpoint needs a TLS client certificate and key");
        }
    }

    /** An endpoint with mutual TLS. */
    public static OsnAdminEndpoint mutualTls(
            String name,
            String host,
            int port,
            List<X509Certificate> tlsRootCertificates,
            X509Certificate clientCertificate,
            PrivateKey clientKey) {
        if (tlsRootCertificates.isEmpty()) {
            throw new IllegalArgumentException("TLS needs at least one trusted root certificate");
        }
        return new OsnAdminEndpoint(name, host, port, tlsRootCertificates, clientCertificate, clientKey);
    }

    /** A plain-HTTP endpoint, for tests against local servers. */
    public static OsnAdminEndpoint plainHttp(String name, String host, int port) {
        return new OsnAdminEndpoint(name, host, port, List.of(), null, null);
    }

    /** Whether HTTPS is used. */
    public boolean isTls() {
        return !tlsRootCertificates.isEmpty();
    }

    /** {@code name (host:port)}, as used in error messages. */
    public String label() {
        return name + " (" + host + ":" + port + ")";
    }

    @Override
    public String toString() {
        return "OsnAdminEndpoint[" + label() + ", tls=" + isTls() + "]";
    }
}
