package dev.weft.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything the gateway needs to reach Fabric, typed and validated at start.
 *
 * <pre>{@code
 * weft.gateway.peers[0].address=peer0.org1.example.com:7051
 * weft.gateway.peers[0].tls-ca-cert=/secrets/tls/ca.crt
 * weft.gateway.peers[1].address=peer1.org1.example.com:7051
 * weft.gateway.identity.msp-id=Org1MSP
 * weft.gateway.identity.cert-path=/secrets/msp/signcerts/cert.pem
 * weft.gateway.identity.key-path=/secrets/msp/keystore/key.pem
 * weft.gateway.channel=mychannel
 * weft.gateway.chaincode=marbles
 * }</pre>
 */
@ConfigMapping(prefix = "weft.gateway")
public interface GatewayConfig {

    /** The org's peer endpoints, tried in order; the next one takes over when one is down. Empty: not configured. */
    Optional<List<Peer>> peers();

    /** The Fabric identity the gateway signs with (by default, for every caller). */
    Identity identity();

    /** The channel the chaincode is committed on. */
    @WithDefault("mychannel")
    String channel();

    /** The chaincode name. */
    @WithDefault("marbles")
    String chaincode();

    /** Per-call deadlines. */
    Deadlines deadlines();

    /** gRPC keepalive towards the peers. */
    Keepalive keepalive();

    /** Retries of MVCC read conflicts for operations that may safely run again. */
    Retry retry();

    /** The chaincode event listener. */
    Events events();

    /** The {@code Idempotency-Key} memory. */
    Idempotency idempotency();

    /** One peer endpoint. */
    interface Peer {
        /** {@code host:port} of the peer's gRPC endpoint. */
        String address();

        /** The CA certificate (PEM) that signed the peer's TLS certificate; absent means plaintext. */
        Optional<Path> tlsCaCert();

        /** The TLS server name to expect when it differs from the address host (e.g. when connecting by IP). */
        Optional<String> hostOverride();
    }

    /**
     * The signing identity and, where the peer requires client authentication, the TLS client certificate; and
     * whether callers sign with it or with identities of their own.
     */
    interface Identity {
        Optional<String> mspId();

        /** The X.509 certificate (PEM) of the identity. */
        Optional<Path> certPath();

        /** The private key (PEM) of the identity. Its contents are never logged. */
        Optional<Path> keyPath();

        /** TLS client certificate (PEM), for peers with {@code clientAuthRequired}. */
        Optional<Path> tlsClientCertPath();

        /** TLS client key (PEM), for peers with {@code clientAuthRequired}. */
        Optional<Path> tlsClientKeyPath();

        /**
         * Whose Fabric identity signs a caller's transactions: {@code org} (the identity above, for everyone) or
         * {@code per-caller} (one identity per authenticated caller, enrolled with the org's Fabric CA).
         */
        @WithDefault("org")
        IdentityMode mode();

        /** The org's Fabric CA and where enrolled caller identities are kept; used in {@code per-caller} mode. */
        PerCaller perCaller();
    }

    /** Whose Fabric identity signs a caller's transactions. */
    enum IdentityMode {
        /** The gateway's org identity signs for every caller. */
        ORG,
        /** Each authenticated caller has its own identity; anonymous callers use the org identity. */
        PER_CALLER
    }

    /**
     * The Fabric CA the gateway registers and enrolls caller identities with, as the CA's registrar.
     *
     * <pre>{@code
     * weft.gateway.identity.mode=per-caller
     * weft.gateway.identity.per-caller.ca-url=https://ca.org1.example.com:7054
     * weft.gateway.identity.per-caller.ca-tls-cert=/secrets/ca-tls/ca.crt
     * weft.gateway.identity.per-caller.registrar-id=admin
     * weft.gateway.identity.per-caller.registrar-secret-file=/secrets/ca-registrar/password
     * weft.gateway.identity.per-caller.store-dir=/data/caller-identities
     * }</pre>
     */
    interface PerCaller {
        /** The CA's base URL, {@code http(s)://host:port}. */
        Optional<java.net.URI> caUrl();

        /** The CA certificate (PEM) that signed the Fabric CA's TLS certificate; needed for {@code https}. */
        Optional<Path> caTlsCert();

        /** The CA name on a server that hosts several ({@code --ca.name}); absent: the server's default CA. */
        Optional<String> caName();

        /** The registrar's enrollment id (the CA's bootstrap identity or one with {@code hf.Registrar.Roles}). */
        @WithDefault("admin")
        String registrarId();

        /** A file holding the registrar's enrollment secret (a mounted Secret); its contents are never logged. */
        Optional<Path> registrarSecretFile();

        /** Where enrolled identities (certificate and private key, mode 0600) are kept across restarts. */
        @WithDefault("data/caller-identities")
        Path storeDir();

        /** Put in front of every caller's enrollment id; keeps callers apart from the CA's other identities. */
        @WithDefault("caller-")
        String enrollmentIdPrefix();

        /** The Fabric CA identity type of callers. */
        @WithDefault("client")
        String identityType();

        /** The callers' affiliation; absent: the registrar's. */
        Optional<String> affiliation();

        /** How many callers' Fabric gateways are kept ready; the least recently used beyond that are closed. */
        @WithDefault("1000")
        int gatewayCacheSize();

        /** The deadline of each request to the CA. */
        @WithDefault("10s")
        Duration caTimeout();
    }

    /** Deadlines per Fabric Gateway call, as in Fabric's Java sample application. */
    interface Deadlines {
        @WithDefault("5s")
        Duration evaluate();

        @WithDefault("15s")
        Duration endorse();

        @WithDefault("5s")
        Duration submit();

        @WithDefault("60s")
        Duration commitStatus();

        /** How long {@code GET /api/v1/transactions/{id}} waits for a commit before answering "pending". */
        @WithDefault("2s")
        Duration transactionLookup();
    }

    /** Keepalive; peers refuse pings more often than once a minute ({@code too_many_pings}). */
    interface Keepalive {
        /** Raised to 60s when set lower. */
        @WithDefault("60s")
        Duration time();

        @WithDefault("20s")
        Duration timeout();
    }

    /** Bounded, jittered retry of MVCC read conflicts. */
    interface Retry {
        /** Attempts in all, the first included. */
        @WithDefault("3")
        int maxAttempts();

        @WithDefault("50ms")
        Duration initialBackoff();

        @WithDefault("1s")
        Duration maxBackoff();
    }

    /** The chaincode event listener. */
    interface Events {
        @WithDefault("true")
        boolean enabled();

        /** Where the listener keeps its position; written only after Kafka acknowledged the events before it. */
        @WithDefault("data/marbles-events.checkpoint")
        Path checkpointFile();

        /** The first wait before reopening a broken event stream; doubles up to {@link #maxReconnectBackoff}. */
        @WithDefault("500ms")
        Duration reconnectBackoff();

        @WithDefault("30s")
        Duration maxReconnectBackoff();

        /**
         * How often the wait for Kafka's acknowledgement of one event logs that it is still waiting. The event is not
         * sent again on a timeout (the producer still holds it); only a refusal reopens the stream.
         */
        @WithDefault("30s")
        Duration publishTimeout();
    }

    /** The {@code Idempotency-Key} memory (per gateway instance). */
    interface Idempotency {
        @WithDefault("24h")
        Duration ttl();

        @WithDefault("10000")
        int capacity();
    }
}
