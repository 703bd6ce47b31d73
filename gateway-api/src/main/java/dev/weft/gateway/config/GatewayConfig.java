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

    /** The signing identity and, where the peer requires client authentication, the TLS client certificate. */
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
