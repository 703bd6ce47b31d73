package dev.weft.lifecycle;

import dev.weft.lifecycle.fabric.InMemoryFabricConnector;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;
import java.util.Set;

/** Real Kafka, real chaincode server processes, Fabric's {@code _lifecycle} in memory, a fresh work dir. */
public class FakeFabricProfile implements QuarkusTestProfile {

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(InMemoryFabricConnector.class);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "weft.lifecycle.work-dir",
                "target/it-work/" + System.nanoTime(),
                "weft.lifecycle.timeouts.server-start",
                "60s");
    }
}
