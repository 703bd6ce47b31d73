package dev.weft.lifecycle.fabric;

import dev.weft.events.NetworkReady;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Replaces real peers by one {@link InMemoryFabric} per network; enabled by {@code FakeFabricProfile}. */
@Alternative
@ApplicationScoped
public class InMemoryFabricConnector implements LifecycleFabricConnector {

    private static final Map<String, InMemoryFabric> NETWORKS = new ConcurrentHashMap<>();

    /** The fabric of {@code network} (created at the first connect). */
    public static InMemoryFabric fabric(String network) {
        return NETWORKS.get(network);
    }

    @Override
    public LifecycleFabric connect(NetworkReady network, String channel) {
        return NETWORKS.computeIfAbsent(network.network(), name -> {
            Map<String, List<String>> peers = new LinkedHashMap<>();
            network.organizations()
                    .forEach(org -> peers.put(
                            org.mspId(),
                            org.peers().stream().map(NetworkReady.Peer::name).toList()));
            return new InMemoryFabric(peers);
        });
    }
}
