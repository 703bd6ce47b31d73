package dev.weft.gateway.fake;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Points the gateway at the in-process {@link FakeFabric}: {@code @QuarkusTestResource(FakeFabricResource.class)}. */
public final class FakeFabricResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return FakeFabric.start();
    }

    @Override
    public void stop() {
        // One fake per JVM, shared by the test classes (like the embedded broker).
    }
}
