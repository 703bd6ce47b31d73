package dev.weft.gateway.fabric;

import dev.weft.gateway.config.GatewayConfig;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hyperledger.fabric.client.CommitStatusException;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.Hash;
import org.hyperledger.fabric.client.Network;
import org.hyperledger.fabric.client.SubmitException;
import org.hyperledger.fabric.client.identity.Identity;
import org.hyperledger.fabric.client.identity.Signer;
import org.jboss.logging.Logger;

/**
 * The gateway's connection to its org's peers: one shared gRPC channel and one Fabric {@link Gateway} per peer
 * endpoint, created on first use so that the service starts (and reports not ready) when no peer is configured or
 * reachable.
 *
 * <p>Calls go to the active endpoint. When it is unreachable ({@code UNAVAILABLE} before anything was submitted to
 * the orderer), the call is repeated on the next endpoint, which becomes the active one.
 *
 * <p>A caller with a Fabric identity of its own ({@code per-caller} mode) gets its own {@link Gateway}s over the
 * same shared channels: a Gateway is only an identity, a signer and options around a channel, so they are cheap;
 * the least recently used beyond {@code gateway-cache-size} are closed (which leaves the channel open).
 *
 * <pre>{@code
 * byte[] marble = connection.call((network, gateway) ->
 *         network.getContract("marbles").evaluateTransaction("readMarble", "m1"));
 * byte[] asAlice = connection.call(Optional.of(alice), (network, gateway) -> ...);
 * }</pre>
 */
@ApplicationScoped
public class FabricConnection {

    /** A call made with one endpoint's network. */
    @FunctionalInterface
    public interface FabricCall<T> {
        T run(Network network, Gateway gateway) throws GatewayException, org.hyperledger.fabric.client.CommitException;
    }

    private static final Logger LOG = Logger.getLogger(FabricConnection.class);

    private final GatewayConfig config;
    private final PeerChannelFactory channelFactory;
    private final AtomicInteger active = new AtomicInteger();
    private final Map<SigningIdentity, List<Gateway>> callerGateways;
    private volatile List<Endpoint> endpoints;

    private record Endpoint(String address, ManagedChannel channel, Gateway gateway) {}

    FabricConnection(GatewayConfig config, PeerChannelFactory channelFactory) {
        this.config = config;
        this.channelFactory = channelFactory;
        int bound = Math.max(1, config.identity().perCaller().gatewayCacheSize());
        this.callerGateways = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<SigningIdentity, List<Gateway>> eldest) {
                if (size() <= bound) {
                    return false;
                }
                // Closing a Gateway built on a channel it does not own leaves the channel (and calls on it) alone.
                eldest.getValue().forEach(Gateway::close);
                return true;
            }
        };
    }

    /** Whether peers and an identity are configured at all. */
    public boolean configured() {
        return config.peers().map(peers -> !peers.isEmpty()).orElse(false)
                && config.identity().mspId().isPresent()
                && config.identity().certPath().isPresent()
                && config.identity().keyPath().isPresent();
    }

    /** The address of the endpoint calls go to first. */
    public String activeAddress() {
        List<Endpoint> all = endpoints();
        return all.get(Math.floorMod(active.get(), all.size())).address();
    }

    /**
     * Runs {@code call} on the active endpoint, failing over to the others in turn while the failure is
     * {@code UNAVAILABLE} and happened before the transaction went to the orderer.
     *
     * @throws FabricUnavailableException when the connection is not configured
     */
    public <T> T call(FabricCall<T> call) throws GatewayException, org.hyperledger.fabric.client.CommitException {
        return call(Optional.empty(), call);
    }

    /**
     * As {@link #call(FabricCall)}, signed by {@code as}, or by the org identity when empty.
     *
     * @throws FabricUnavailableException when the connection is not configured
     */
    public <T> T call(Optional<SigningIdentity> as, FabricCall<T> call)
            throws GatewayException, org.hyperledger.fabric.client.CommitException {
        List<Endpoint> all = endpoints();
        List<Gateway> gateways = as.map(identity -> gatewaysOf(identity, all))
                .orElseGet(() -> all.stream().map(Endpoint::gateway).toList());
        int first = active.get();
        GatewayException last = null;
        for (int i = 0; i < all.size(); i++) {
            int index = Math.floorMod(first + i, all.size());
            Endpoint endpoint = all.get(index);
            try {
                Gateway gateway = gateways.get(index);
                T result = call.run(gateway.getNetwork(config.channel()), gateway);
                if (index != first) {
                    active.compareAndSet(first, index);
                }
                return result;
            } catch (GatewayException e) {
                if (!retryOnAnotherPeer(e) || all.size() == 1) {
                    throw e;
                }
                LOG.warnf("peer %s unavailable (%s); trying the next endpoint", endpoint.address(), e.getMessage());
                last = e;
            }
        }
        throw last;
    }

    /** The network of the active endpoint, for long-lived streams that reconnect on their own. */
    public Network network() {
        List<Endpoint> all = endpoints();
        return all.get(Math.floorMod(active.get(), all.size())).gateway().getNetwork(config.channel());
    }

    /** Makes the next endpoint the active one (after a stream broke, for instance). */
    public void rotate() {
        active.incrementAndGet();
    }

    private static boolean retryOnAnotherPeer(GatewayException e) {
        // After submit the orderer may have the transaction: repeating it elsewhere could run it twice.
        return e.getStatus().getCode() == Status.Code.UNAVAILABLE
                && !(e instanceof SubmitException)
                && !(e instanceof CommitStatusException);
    }

    private List<Gateway> gatewaysOf(SigningIdentity identity, List<Endpoint> all) {
        synchronized (callerGateways) {
            return callerGateways.computeIfAbsent(
                    identity,
                    id -> all.stream()
                            .map(endpoint -> newGateway(endpoint.channel(), id.identity(), id.signer()))
                            .toList());
        }
    }

    private List<Endpoint> endpoints() {
        List<Endpoint> current = endpoints;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (endpoints == null) {
                endpoints = connect();
            }
            return endpoints;
        }
    }

    private List<Endpoint> connect() {
        List<GatewayConfig.Peer> peers = config.peers().orElse(List.of());
        if (peers.isEmpty()) {
            throw new FabricUnavailableException("no peer endpoint is configured (weft.gateway.peers)");
        }
        SigningIdentityFiles.Loaded identity = SigningIdentityFiles.load(config.identity());
        List<Endpoint> created = new ArrayList<>();
        for (GatewayConfig.Peer peer : peers) {
            ManagedChannel channel = channelFactory.open(peer);
            Gateway gateway = newGateway(channel, identity.identity(), identity.signer());
            created.add(new Endpoint(peer.address(), channel, gateway));
        }
        LOG.infof(
                "Fabric connection: %d peer endpoint(s) %s, MSP %s, channel %s, chaincode %s (%s)",
                created.size(),
                created.stream().map(Endpoint::address).toList(),
                config.identity().mspId().orElse("?"),
                config.channel(),
                config.chaincode(),
                TlsPeerChannelFactory.transport());
        return List.copyOf(created);
    }

    private Gateway newGateway(ManagedChannel channel, Identity identity, Signer signer) {
        GatewayConfig.Deadlines deadlines = config.deadlines();
        return Gateway.newInstance()
                .identity(identity)
                .signer(signer)
                .hash(Hash.SHA256)
                .connection(channel)
                .evaluateOptions(o -> o.withDeadlineAfter(deadlines.evaluate().toMillis(), TimeUnit.MILLISECONDS))
                .endorseOptions(o -> o.withDeadlineAfter(deadlines.endorse().toMillis(), TimeUnit.MILLISECONDS))
                .submitOptions(o -> o.withDeadlineAfter(deadlines.submit().toMillis(), TimeUnit.MILLISECONDS))
                .commitStatusOptions(
                        o -> o.withDeadlineAfter(deadlines.commitStatus().toMillis(), TimeUnit.MILLISECONDS))
                .connect();
    }

    @PreDestroy
    void close() {
        List<Endpoint> current = endpoints;
        if (current == null) {
            return;
        }
        synchronized (callerGateways) {
            callerGateways.values().forEach(gateways -> gateways.forEach(Gateway::close));
            callerGateways.clear();
        }
        for (Endpoint endpoint : current) {
            endpoint.gateway().close();
            endpoint.channel().shutdownNow();
        }
    }
}
