package dev.weft.lifecycle.fabric;

import dev.weft.events.NetworkReady;

/** Opens a {@link LifecycleFabric} for a network, from the connection facts of its {@code NetworkReady} event. */
public interface LifecycleFabricConnector {

    /** Connects to every organization's peers of {@code network} for {@code channel}. */
    LifecycleFabric connect(NetworkReady network, String channel);
}
