package dev.weft.lifecycle.fabric;

import dev.weft.events.NetworkReady;
import dev.weft.lifecycle.config.LifecycleConfig;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Connects to real peers with fabric-admin. */
@ApplicationScoped
@DefaultBean
public class FabricAdminConnector implements LifecycleFabricConnector {

    private final LifecycleConfig config;

    @Inject
    public FabricAdminConnector(LifecycleConfig config) {
        this.config = config;
    }

    @Override
    public LifecycleFabric connect(NetworkReady network, String channel) {
        return new FabricAdminLifecycle(network, channel, config.timeouts().install());
    }
}
