package dev.weft.gateway.fabric;

import dev.weft.gateway.config.GatewayConfig;
import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.TlsChannelCredentials;
import io.netty.channel.epoll.Epoll;
import io.netty.handler.ssl.OpenSsl;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Channels over TCP: TLS when the peer has a CA certificate configured (with the client certificate when one is
 * configured, for peers that require client authentication), plaintext otherwise; keepalive never more often than
 * the peer's default permit of once a minute.
 */
@ApplicationScoped
@DefaultBean
public class TlsPeerChannelFactory implements PeerChannelFactory {

    /** Fabric peers' {@code permitKeepaliveTime}: pinging more often gets the connection closed. */
    static final Duration MIN_KEEPALIVE = Duration.ofSeconds(60);

    private static final Logger LOG = Logger.getLogger(TlsPeerChannelFactory.class);

    private final GatewayConfig config;

    TlsPeerChannelFactory(GatewayConfig config) {
        this.config = config;
    }

    /**
     * Which TLS and transport grpc-netty gives the peers' channels: BoringSSL and epoll when their native libraries
     * load (the module ships them for linux x86-64 and aarch64), otherwise the JDK's TLS and NIO, which work
     * everywhere but cost more per call (ADR 0027).
     */
    public static String transport() {
        return (OpenSsl.isAvailable() ? "BoringSSL" : "JDK TLS") + ", " + (Epoll.isAvailable() ? "epoll" : "NIO");
    }

    @Override
    public ManagedChannel open(GatewayConfig.Peer peer) {
        ManagedChannelBuilder<?> builder = Grpc.newChannelBuilder(peer.address(), credentials(peer));
        peer.hostOverride().ifPresent(builder::overrideAuthority);
        Duration keepalive = config.keepalive().time();
        if (keepalive.compareTo(MIN_KEEPALIVE) < 0) {
            LOG.warnf("weft.gateway.keepalive.time=%s is below the peers' permit of 60s; using 60s", keepalive);
            keepalive = MIN_KEEPALIVE;
        }
        return builder.keepAliveTime(keepalive.toMillis(), TimeUnit.MILLISECONDS)
                .keepAliveTimeout(config.keepalive().timeout().toMillis(), TimeUnit.MILLISECONDS)
                .build();
    }

    private ChannelCredentials credentials(GatewayConfig.Peer peer) {
        if (peer.tlsCaCert().isEmpty()) {
            return InsecureChannelCredentials.create();
        }
        try {
            TlsChannelCredentials.Builder tls = TlsChannelCredentials.newBuilder()
                    .trustManager(peer.tlsCaCert().get().toFile());
            GatewayConfig.Identity identity = config.identity();
            if (identity.tlsClientCertPath().isPresent()
                    && identity.tlsClientKeyPath().isPresent()) {
                tls.keyManager(
                        identity.tlsClientCertPath().get().toFile(),
                        identity.tlsClientKeyPath().get().toFile());
            }
            return tls.build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the TLS material for peer " + peer.address(), e);
        }
    }
}
