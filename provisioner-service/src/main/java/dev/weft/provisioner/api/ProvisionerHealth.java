package dev.weft.provisioner.api;

import dev.weft.provisioner.status.StatusStore;
import dev.weft.provisioner.workflow.NetworkRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: the work folder is usable. Whether the runtime can run networks (for the local runtime: whether
 * FABRIC_BIN holds the binaries) is reported as data, not as DOWN, so that the API stays up to explain it.
 */
@Readiness
@ApplicationScoped
public class ProvisionerHealth implements HealthCheck {

    @Inject
    StatusStore store;

    @Inject
    NetworkRuntime runtime;

    @Override
    public HealthCheckResponse call() {
        Path root = store.root();
        boolean usable = Files.isDirectory(root) ? Files.isWritable(root) : canCreate(root);
        HealthCheckResponseBuilder health = HealthCheckResponse.named("provisioner")
                .status(usable)
                .withData("workDir", root.toString())
                .withData("runtime", runtime.name())
                .withData("runtimeAvailable", runtime.unavailableReason().isEmpty());
        runtime.unavailableReason().ifPresent(reason -> health.withData("runtimeProblem", reason));
        return health.build();
    }

    private static boolean canCreate(Path root) {
        try {
            Files.createDirectories(root);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
