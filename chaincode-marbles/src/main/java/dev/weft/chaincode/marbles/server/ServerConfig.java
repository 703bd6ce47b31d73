package dev.weft.chaincode.marbles.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings of the chaincode server, read from the environment and checked before anything starts.
 *
 * <pre>{@code
 * CHAINCODE_SERVER_ADDRESS=0.0.0.0:9999        required, host:port to listen on
 * CHAINCODE_ID=marbles_1.0:5f2a...             required (or CORE_CHAINCODE_ID_NAME): the package id
 * CHAINCODE_TLS_CERT_FILE=/certs/tls.crt       TLS server certificate chain (PEM); with the key, enables TLS
 * CHAINCODE_TLS_KEY_FILE=/certs/tls.key        TLS server key (PKCS#8 PEM)
 * CHAINCODE_TLS_CLIENT_CA_FILE=/certs/ca.crt   CA(s) of the peers' client certificates; enforces mutual TLS
 * CHAINCODE_TX_THREADS=16                      optional, transactions run in parallel per peer connection
 * }</pre>
 *
 * @param address where to listen
 * @param chaincodeId the package id sent to the peer in REGISTER
 * @param tls TLS settings, empty for plaintext
 * @param transactionThreads how many transactions of one connection run in parallel
 */
public record ServerConfig(InetSocketAddress address, String chaincodeId, Optional<Tls> tls, int transactionThreads) {

    public static final String SERVER_ADDRESS = "CHAINCODE_SERVER_ADDRESS";
    public static final String CHAINCODE_ID = "CHAINCODE_ID";
    public static final String CORE_CHAINCODE_ID_NAME = "CORE_CHAINCODE_ID_NAME";
    public static final String TLS_CERT_FILE = "CHAINCODE_TLS_CERT_FILE";
    public static final String TLS_KEY_FILE = "CHAINCODE_TLS_KEY_FILE";
    public static final String TLS_CLIENT_CA_FILE = "CHAINCODE_TLS_CLIENT_CA_FILE";
    public static final String TX_THREADS = "CHAINCODE_TX_THREADS";

    static final int DEFAULT_TX_THREADS = 16;

    public ServerConfig {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(chaincodeId, "chaincodeId");
        Objects.requireNonNull(tls, "tls");
        if (transactionThreads < 1) {
            throw new IllegalArgumentException("transactionThreads must be at least 1");
        }
    }

    /**
     * TLS files.
     *
     * @param certChainFile the server certificate chain (PEM)
     * @param keyFile the server key (PKCS#8 PEM)
     * @param clientCaFile the CA certificates that sign peers' client certificates; present means mutual TLS
     */
    public record Tls(Path certChainFile, Path keyFile, Optional<Path> clientCaFile) {
        public Tls {
            Objects.requireNonNull(certChainFile, "certChainFile");
            Objects.requireNonNull(keyFile, "keyFile");
            Objects.requireNonNull(clientCaFile, "clientCaFile");
        }

        /** Whether peers must present a client certificate. */
        public boolean mutual() {
            return clientCaFile.isPresent();
        }
    }

    /** Plaintext settings (for tests and local runs). */
    public static ServerConfig plaintext(InetSocketAddress address, String chaincodeId) {
        return new ServerConfig(address, chaincodeId, Optional.empty(), DEFAULT_TX_THREADS);
    }

    /** The same settings with TLS. */
    public ServerConfig withTls(Tls value) {
        return new ServerConfig(address, chaincodeId, Optional.of(value), transactionThreads);
    }

    /**
     * Reads and checks the settings.
     *
     * @throws ConfigException naming the first variable that is missing or wrong
     */
    public static ServerConfig fromEnvironment(Map<String, String> env) {
        InetSocketAddress address = address(env);
        String id = chaincodeId(env);
        Optional<Tls> tls = tls(env);
        int threads = threads(env);
        return new ServerConfig(address, id, tls, threads);
    }

    private static InetSocketAddress address(Map<String, String> env) {
        String value = value(env, SERVER_ADDRESS)
                .orElseThrow(
                        () -> new ConfigException(SERVER_ADDRESS, "is not set; give host:port, e.g. 0.0.0.0:9999"));
        URI uri;
        try {
            // The same trick as the shim: a scheme makes host:port (and [v6]:port) parse as a URI authority.
            uri = new URI("tcp://" + value);
        } catch (URISyntaxException e) {
            throw new ConfigException(SERVER_ADDRESS, "must be host:port, got '" + value + "'");
        }
        if (uri.getHost() == null
                || uri.getPort() < 1
                || uri.getPort() > 65535
                || uri.getPath().length() > 0) {
            throw new ConfigException(
                    SERVER_ADDRESS, "must be host:port with a port from 1 to 65535, got '" + value + "'");
        }
        InetSocketAddress address = new InetSocketAddress(uri.getHost(), uri.getPort());
        if (address.isUnresolved()) {
            throw new ConfigException(SERVER_ADDRESS, "host '" + uri.getHost() + "' does not resolve");
        }
        return address;
    }

    private static String chaincodeId(Map<String, String> env) {
        Optional<String> id = value(env, CHAINCODE_ID);
        Optional<String> coreId = value(env, CORE_CHAINCODE_ID_NAME);
        if (id.isPresent() && coreId.isPresent() && !id.get().equals(coreId.get())) {
            throw new ConfigException(
                    CHAINCODE_ID,
                    "differs from " + CORE_CHAINCODE_ID_NAME + " ('" + id.get() + "' vs '" + coreId.get()
                            + "'); set one of them");
        }
        return id.or(() -> coreId)
                .orElseThrow(() -> new ConfigException(
                        CHAINCODE_ID,
                        "is not set (nor " + CORE_CHAINCODE_ID_NAME
                                + "); give the package id, e.g. marbles_1.0:<sha256>"));
    }

    private static Optional<Tls> tls(Map<String, String> env) {
        Optional<String> cert = value(env, TLS_CERT_FILE);
        Optional<String> key = value(env, TLS_KEY_FILE);
        Optional<String> clientCa = value(env, TLS_CLIENT_CA_FILE);
        if (cert.isEmpty() && key.isEmpty()) {
            if (clientCa.isPresent()) {
                throw new ConfigException(
                        TLS_CLIENT_CA_FILE, "needs TLS: set " + TLS_CERT_FILE + " and " + TLS_KEY_FILE + " too");
            }
            return Optional.empty();
        }
        if (cert.isEmpty()) {
            throw new ConfigException(TLS_CERT_FILE, "is not set but " + TLS_KEY_FILE + " is; TLS needs both");
        }
        if (key.isEmpty()) {
            throw new ConfigException(TLS_KEY_FILE, "is not set but " + TLS_CERT_FILE + " is; TLS needs both");
        }
        Path certFile = pemFile(TLS_CERT_FILE, cert.get(), "CERTIFICATE");
        Path keyFile = pemFile(TLS_KEY_FILE, key.get(), "PRIVATE KEY");
        Optional<Path> caFile = clientCa.map(path -> pemFile(TLS_CLIENT_CA_FILE, path, "CERTIFICATE"));
        return Optional.of(new Tls(certFile, keyFile, caFile));
    }

    private static int threads(Map<String, String> env) {
        Optional<String> value = value(env, TX_THREADS);
        if (value.isEmpty()) {
            return DEFAULT_TX_THREADS;
        }
        try {
            int threads = Integer.parseInt(value.get());
            if (threads >= 1 && threads <= 1024) {
                return threads;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException(TX_THREADS, "must be a whole number from 1 to 1024, got '" + value.get() + "'");
    }

    /** Checks that the file exists and holds a PEM block of the expected kind. */
    private static Path pemFile(String variable, String value, String kind) {
        Path path = Path.of(value);
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new ConfigException(variable, "file '" + value + "' does not exist or is not readable");
        }
        String text;
        try {
            text = Files.readString(path, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new ConfigException(variable, "cannot read '" + value + "': " + e.getMessage(), e);
        }
        if ("PRIVATE KEY".equals(kind) && !text.contains("-----BEGIN PRIVATE KEY-----")) {
            // Netty reads PKCS#8 only; Fabric's tools write PKCS#8, but openssl ecparam writes SEC1.
            throw new ConfigException(
                    variable,
                    "'" + value + "' must hold an unencrypted PKCS#8 PEM key (-----BEGIN PRIVATE KEY-----);"
                            + " convert with: openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem");
        }
        if ("CERTIFICATE".equals(kind) && !text.contains("-----BEGIN CERTIFICATE-----")) {
            throw new ConfigException(
                    variable, "'" + value + "' holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
        }
        return path;
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
