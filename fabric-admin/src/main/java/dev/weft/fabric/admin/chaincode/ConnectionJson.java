package dev.weft.fabric.admin.chaincode;

import java.time.Duration;
import java.util.Objects;

/**
 * The {@code connection.json} of a chaincode-as-a-service package: where the peer dials the chaincode server and
 * with which TLS settings.
 *
 * <p>Strings may be Go templates over the peer's {@code CHAINCODE_AS_A_SERVICE_BUILDER_CONFIG}, e.g. {@code
 * {{.peername}}-marbles:9999}. With TLS, {@code rootCert} is the CA of the chaincode server's certificate; with
 * client authentication, {@code clientCert}/{@code clientKey} are the peer's client credentials. {@link #toString()}
 * leaves out the key.
 *
 * <pre>{@code
 * ConnectionJson plain = ConnectionJson.plaintext("127.0.0.1:9999");
 * ConnectionJson mtls = ConnectionJson.mutualTls("marbles.org1:9999", caPem, peerClientCertPem, peerClientKeyPem);
 * }</pre>
 *
 * @param address {@code host:port} of the chaincode server
 * @param dialTimeout how long the peer waits for the connection
 * @param tlsRequired whether the peer uses TLS
 * @param clientAuthRequired whether the server asks for the peer's client certificate
 * @param rootCert PEM of the CA that signed the server certificate, or {@code null} without TLS
 * @param clientCert PEM client certificate of the peer, or {@code null} without client authentication
 * @param clientKey PEM private key of {@code clientCert}, or {@code null} without client authentication
 */
public record ConnectionJson(
        String address,
        Duration dialTimeout,
        boolean tlsRequired,
        boolean clientAuthRequired,
        String rootCert,
        String clientCert,
        String clientKey) {

    /** The dial timeout used when none is given (the peer's own default is 3 s). */
    public static final Duration DEFAULT_DIAL_TIMEOUT = Duration.ofSeconds(10);

    public ConnectionJson {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(dialTimeout, "dialTimeout");
        if (address.isBlank()) {
            throw new IllegalArgumentException("address must be host:port");
        }
        if (dialTimeout.isNegative() || dialTimeout.isZero()) {
            throw new IllegalArgumentException("dialTimeout must be positive");
        }
        if (tlsRequired && isBlank(rootCert)) {
            throw new IllegalArgumentException("TLS needs root_cert, the CA of the chaincode server certificate");
        }
        if (clientAuthRequired && (!tlsRequired || isBlank(clientCert) || isBlank(clientKey))) {
            throw new IllegalArgumentException(
                    "client authentication needs TLS and the peer's client_cert and client_key");
        }
    }

    /** A connection without TLS. */
    public static ConnectionJson plaintext(String address) {
        return new ConnectionJson(address, DEFAULT_DIAL_TIMEOUT, false, false, null, null, null);
    }

    /** Server TLS: the peer checks the server certificate against {@code rootCert}. */
    public static ConnectionJson tls(String address, String rootCert) {
        return new ConnectionJson(address, DEFAULT_DIAL_TIMEOUT, true, false, rootCert, null, null);
    }

    /** Mutual TLS: as {@link #tls} and the peer presents {@code clientCert}. */
    public static ConnectionJson mutualTls(String address, String rootCert, String clientCert, String clientKey) {
        return new ConnectionJson(address, DEFAULT_DIAL_TIMEOUT, true, true, rootCert, clientCert, clientKey);
    }

    /** The same connection with another dial timeout. */
    public ConnectionJson withDialTimeout(Duration timeout) {
        return new ConnectionJson(address, timeout, tlsRequired, clientAuthRequired, rootCert, clientCert, clientKey);
    }

    /** The timeout in Go's duration syntax, e.g. {@code 10s} or {@code 1500ms}. */
    public String dialTimeoutText() {
        long millis = dialTimeout.toMillis();
        return millis % 1000 == 0 ? (millis / 1000) + "s" : millis + "ms";
    }

    @Override
    public String toString() {
        return "ConnectionJson[address=" + address + ", dialTimeout=" + dialTimeoutText() + ", tlsRequired="
                + tlsRequired + ", clientAuthRequired=" + clientAuthRequired + "]";
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
