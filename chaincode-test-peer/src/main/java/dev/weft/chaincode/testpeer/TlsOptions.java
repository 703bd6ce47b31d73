package dev.weft.chaincode.testpeer;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How the test peer dials the chaincode server: plaintext, TLS (server authentication only), or mutual TLS (the
 * peer also presents a client certificate, as a Fabric peer does when {@code client_auth_required} is set in
 * {@code connection.json}).
 *
 * <pre>{@code
 * TlsOptions.plaintext();
 * TlsOptions.tls(pki.caCert());
 * TlsOptions.mutualTls(pki.caCert(), pki.clientCert(), pki.clientKey());
 * }</pre>
 */
public final class TlsOptions {

    private final Path rootCert;
    private final Path clientCert;
    private final Path clientKey;

    private TlsOptions(Path rootCert, Path clientCert, Path clientKey) {
        this.rootCert = rootCert;
        this.clientCert = clientCert;
        this.clientKey = clientKey;
    }

    /** No TLS. */
    public static TlsOptions plaintext() {
        return new TlsOptions(null, null, null);
    }

    /** TLS that trusts the CA in {@code rootCert} (PEM) to have signed the server's certificate. */
    public static TlsOptions tls(Path rootCert) {
        return new TlsOptions(Objects.requireNonNull(rootCert, "rootCert"), null, null);
    }

    /** TLS plus a client certificate and PKCS#8 key (PEM) presented to the server. */
    public static TlsOptions mutualTls(Path rootCert, Path clientCert, Path clientKey) {
        return new TlsOptions(
                Objects.requireNonNull(rootCert, "rootCert"),
                Objects.requireNonNull(clientCert, "clientCert"),
                Objects.requireNonNull(clientKey, "clientKey"));
    }

    /** Whether TLS is used at all. */
    public boolean enabled() {
        return rootCert != null;
    }

    Optional<Path> rootCert() {
        return Optional.ofNullable(rootCert);
    }

    Optional<Path> clientCert() {
        return Optional.ofNullable(clientCert);
    }

    Optional<Path> clientKey() {
        return Optional.ofNullable(clientKey);
    }

    @Override
    public String toString() {
        if (rootCert == null) {
            return "plaintext";
        }
        return clientCert == null ? "tls" : "mutual-tls";
    }
}
