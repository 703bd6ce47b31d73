package dev.weft.chaincode.marbles.server;

import dev.weft.chaincode.marbles.MarblesChaincode;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.ClientAuth;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.hyperledger.fabric.protos.peer.ChaincodeGrpc;
import org.hyperledger.fabric.protos.peer.ChaincodeMessage;

/**
 * The external chaincode server: a gRPC server offering the {@code protos.Chaincode/Connect} stream that a Fabric
 * peer dials for a chaincode packaged with the {@code ccaas} builder.
 *
 * <pre>{@code
 * ServerConfig config = ServerConfig.fromEnvironment(System.getenv());
 * try (ChaincodeServer server = ChaincodeServer.start(config, new MarblesChaincode())) {
 *     server.awaitTermination();
 * }
 * }</pre>
 *
 * <p>Connection settings, chosen against the peer's client side ({@code comm.DefaultKeepaliveOptions}: a ping
 * every 60 s, 20 s timeout):
 *
 * <ul>
 *   <li>pings are permitted every {@value #PERMIT_KEEPALIVE_SECONDS} s, even without calls, so the peer's 60 s pings
 *       never count as abuse ({@code ENHANCE_YOUR_CALM too_many_pings}) even when they arrive a little early;
 *   <li>the server pings an idle connection every {@value #KEEPALIVE_SECONDS} s and drops it after
 *       {@value #KEEPALIVE_TIMEOUT_SECONDS} s without an answer;
 *   <li>no maximum connection age: the shim's default of 5 s makes gRPC send GOAWAY to the peer every 5 s for a
 *       stream that is meant to live as long as the peer does.
 * </ul>
 */
public final class ChaincodeServer implements AutoCloseable {

    static final int PERMIT_KEEPALIVE_SECONDS = 30;
    static final int KEEPALIVE_SECONDS = 60;
    static final int KEEPALIVE_TIMEOUT_SECONDS = 20;
    static final int MAX_INBOUND_MESSAGE_BYTES = 100 * 1024 * 1024;

    private static final Logger LOG = Logger.getLogger(ChaincodeServer.class.getName());

    private final Server server;
    private final Set<PeerConnection> connections;

    private ChaincodeServer(Server server, Set<PeerConnection> connections) {
        this.server = server;
        this.connections = connections;
    }

    /**
     * Binds and starts serving.
     *
     * @throws IOException when the address cannot be bound
     * @throws ConfigException when the TLS files cannot be used
     */
    public static ChaincodeServer start(ServerConfig config, MarblesChaincode marbles) throws IOException {
        Properties shimProperties = ShimSettings.properties(config.transactionThreads());
        ShimSettings.initialize(shimProperties);
        Set<PeerConnection> connections = ConcurrentHashMap.newKeySet();

        NettyServerBuilder builder = NettyServerBuilder.forAddress(config.address())
                .addService(new ChaincodeGrpc.ChaincodeImplBase() {
                    @Override
                    public StreamObserver<ChaincodeMessage> connect(StreamObserver<ChaincodeMessage> toPeer) {
                        PeerConnection[] self = new PeerConnection[1];
                        self[0] = PeerConnection.open(
                                toPeer,
                                marbles,
                                config.chaincodeId(),
                                shimProperties,
                                () -> connections.remove(self[0]));
                        connections.add(self[0]);
                        return self[0];
                    }
                })
                .permitKeepAliveTime(PERMIT_KEEPALIVE_SECONDS, TimeUnit.SECONDS)
                .permitKeepAliveWithoutCalls(true)
                .keepAliveTime(KEEPALIVE_SECONDS, TimeUnit.SECONDS)
                .keepAliveTimeout(KEEPALIVE_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .maxInboundMessageSize(MAX_INBOUND_MESSAGE_BYTES)
                .maxInboundMetadataSize(MAX_INBOUND_MESSAGE_BYTES);
        config.tls().ifPresent(tls -> builder.sslContext(sslContext(tls)));

        Server server = builder.build().start();
        return new ChaincodeServer(server, connections);
    }

    /** The port actually bound (useful with port 0 in tests). */
    public int port() {
        return server.getPort();
    }

    /** Blocks until the server has stopped. */
    public void awaitTermination() throws InterruptedException {
        server.awaitTermination();
    }

    /**
     * Stops accepting connections, lets running transactions finish (up to 10 s), ends the peer streams, and stops.
     */
    @Override
    public void close() {
        server.shutdown();
        List<Thread> drains = new ArrayList<>();
        for (PeerConnection connection : List.copyOf(connections)) {
            Thread drain = new Thread(connection::drainAndClose, "chaincode-drain");
            drain.setDaemon(true);
            drain.start();
            drains.add(drain);
        }
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            for (Thread drain : drains) {
                drain.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            }
            if (!server.awaitTermination(2, TimeUnit.SECONDS)) {
                LOG.warning("forcing the remaining connections closed");
                server.shutdownNow();
                server.awaitTermination(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            server.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static SslContext sslContext(ServerConfig.Tls tls) {
        try {
            SslContextBuilder ssl = GrpcSslContexts.forServer(
                    tls.certChainFile().toFile(), tls.keyFile().toFile());
            if (tls.clientCaFile().isPresent()) {
                ssl.clientAuth(ClientAuth.REQUIRE)
                        .trustManager(tls.clientCaFile().get().toFile());
            }
            return ssl.build();
        } catch (IOException | IllegalArgumentException e) {
            String variable = tls.clientCaFile().isPresent()
                    ? ServerConfig.TLS_CERT_FILE + ", " + ServerConfig.TLS_KEY_FILE + " or "
                            + ServerConfig.TLS_CLIENT_CA_FILE
                    : ServerConfig.TLS_CERT_FILE + " or " + ServerConfig.TLS_KEY_FILE;
            throw new ConfigException(variable, "cannot build the TLS context: " + e.getMessage(), e);
        }
    }
}
