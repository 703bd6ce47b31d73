package dev.weft.provisioner.api;

import dev.weft.provisioner.workflow.AdminOperations;
import dev.weft.provisioner.workflow.FakeAdmin;
import dev.weft.provisioner.workflow.FakeRuntime;
import dev.weft.provisioner.workflow.NetworkRuntime;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Set;

/** The service with a fake runtime and fake admin operations: the workflow and its interfaces are real. */
public class FakeFabricProfile implements QuarkusTestProfile {

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(Fakes.class);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "weft.provisioner.work-dir",
                "target/fake-networks-" + System.nanoTime(),
                "mp.messaging.incoming.network-commands.auto.offset.reset",
                "earliest");
    }

    /** The fakes, as alternatives of the real runtime and admin operations. */
    @Alternative
    @Singleton
    public static class Fakes {

        static final FakeRuntime RUNTIME = new FakeRuntime();
        static final FakeAdmin ADMIN = new FakeAdmin();

        @Produces
        @Singleton
        @Identifier("local")
        NetworkRuntime runtime() {
            return RUNTIME;
        }

        @Produces
        @Singleton
        AdminOperations admin() {
            return ADMIN;
        }
    }
}
