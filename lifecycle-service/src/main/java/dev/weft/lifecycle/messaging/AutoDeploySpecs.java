package dev.weft.lifecycle.messaging;

import dev.weft.events.NetworkReady;
import dev.weft.lifecycle.config.LifecycleConfig;
import dev.weft.lifecycle.spec.ChaincodeSpec;
import dev.weft.lifecycle.spec.PackageType;
import dev.weft.lifecycle.spec.ServerSpec;
import dev.weft.lifecycle.spec.TlsMode;
import java.util.ArrayList;
import java.util.List;

/** The specs deployed automatically on a {@code NetworkReady}, from {@code weft.lifecycle.auto-deploy}. */
final class AutoDeploySpecs {

    private final LifecycleConfig config;

    AutoDeploySpecs(LifecycleConfig config) {
        this.config = config;
    }

    List<ChaincodeSpec> forNetwork(NetworkReady network) {
        LifecycleConfig.AutoDeploy auto = config.autoDeploy();
        if (!auto.enabled()
                || network.channels().isEmpty() && network.organizations().isEmpty()) {
            return List.of();
        }
        String channel = network.channels().isEmpty()
                ? ChaincodeSpec.DEFAULT_CHANNEL
                : network.channels().get(0);
        boolean kubernetes = "kubernetes".equals(network.runtime());
        List<ChaincodeSpec> specs = new ArrayList<>();
        for (String name : auto.chaincodes()) {
            specs.add(new ChaincodeSpec(
                    name,
                    auto.version(),
                    null,
                    channel,
                    network.network(),
                    null,
                    kubernetes ? ServerSpec.image(config.chaincodeImage()) : null,
                    PackageType.CCAAS,
                    auto.endorsementPolicy().orElse(null),
                    false,
                    null,
                    TlsMode.of(auto.tls()),
                    null,
                    1,
                    null));
        }
        return specs;
    }
}
