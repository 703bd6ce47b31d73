package dev.weft.provisioner.workflow;

import dev.weft.provisioner.status.StatusStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * The composition root of the workflow. The runtime is the {@link NetworkRuntime} bean qualified
 * {@code @Identifier("<weft.provisioner.runtime>")}: {@code @Identifier("local")} for
 * {@link dev.weft.provisioner.local.LocalRuntime}, {@code @Identifier("kubernetes")} for the Kubernetes runtime.
 */
@ApplicationScoped
public class ProvisionerBeans {

    private static final Logger LOG = Logger.getLogger(ProvisionerBeans.class);

    @Produces
    @Singleton
    StatusStore statusStore(ProvisionerConfig config) {
        return new StatusStore(config.workDir());
    }

    /** The Kubernetes runtime; its client connects on first use, so a local-mode service never needs a cluster. */
    @Produces
    @Singleton
    @Identifier("kubernetes")
    NetworkRuntime kubernetesRuntime(io.fabric8.kubernetes.client.KubernetesClient client) {
        return new KubernetesNetworkRuntime(new dev.weft.provisioner.kubernetes.apply.KubernetesRuntime(client));
    }

    @Produces
    @Singleton
    AdminOperations adminOperations(ProvisionerConfig config) {
        return new FabricAdminOperations(config.timeouts().adminCall());
    }

    @Produces
    @Singleton
    NetworkRuntime runtime(ProvisionerConfig config, @Any Instance<NetworkRuntime> runtimes) {
        String name = config.runtime().label();
        Instance<NetworkRuntime> selected = runtimes.select(Identifier.Literal.of(name));
        if (!selected.isResolvable()) {
            throw new IllegalStateException("weft.provisioner.runtime=" + name + " but no such runtime is available");
        }
        NetworkRuntime runtime = selected.get();
        LOG.infof("runtime %s, work folder %s", runtime.name(), config.workDir().toAbsolutePath());
        runtime.unavailableReason().ifPresent(reason -> LOG.warnf("networks cannot be provisioned yet: %s", reason));
        return runtime;
    }

    @Produces
    @Singleton
    NetworkWorkers workers(
            ProvisionerConfig config,
            NetworkRuntime runtime,
            AdminOperations admin,
            StatusStore store,
            NetworkEvents events,
            MeterRegistry meters) {
        NetworkWorkflow workflow = new NetworkWorkflow(
                runtime,
                admin,
                store,
                events,
                meters,
                Clock.systemUTC(),
                new NetworkWorkflow.Timeouts(
                        config.timeouts().nodesReady(), config.timeouts().join()));
        return new NetworkWorkers(workflow, runtime, store, Clock.systemUTC());
    }

    void closeWorkers(@Disposes NetworkWorkers workers) {
        workers.close();
    }

    void start(@Observes StartupEvent start, ProvisionerConfig config, NetworkWorkers workers) {
        // The bootstrap spec goes first: when it changed, its network is provisioned from the new spec rather than
        // resumed from the old one.
        config.bootstrap().specFile().ifPresent(file -> new SpecFileBootstrap(workers).apply(file));
        if (config.resumeOnStart()) {
            workers.resumeUnfinished();
        }
    }
}
