package dev.weft.provisioner.local;

import dev.weft.provisioner.workflow.NetworkRuntime;
import dev.weft.provisioner.workflow.ProvisionerConfig;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Makes the local runtime available as {@code @Identifier("local")}. */
@ApplicationScoped
public class LocalRuntimeProducer {

    @Produces
    @Singleton
    @Identifier("local")
    NetworkRuntime localRuntime(ProvisionerConfig config) {
        return new LocalRuntime(
                LocalFabric.of(config.local().fabricBin(), config.local().fabricConfig()));
    }
}
