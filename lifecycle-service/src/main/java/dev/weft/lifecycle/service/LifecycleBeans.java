package dev.weft.lifecycle.service;

import dev.weft.lifecycle.artifacts.ServerTlsStore;
import dev.weft.lifecycle.config.LifecycleConfig;
import dev.weft.lifecycle.fabric.LifecycleFabricConnector;
import dev.weft.lifecycle.runtime.ChaincodeRuntime;
import dev.weft.lifecycle.runtime.KubernetesChaincodeRuntime;
import dev.weft.lifecycle.runtime.LocalChaincodeRuntime;
import dev.weft.lifecycle.workflow.ChaincodeEvents;
import dev.weft.lifecycle.workflow.DeploymentWorkflow;
import dev.weft.lifecycle.workflow.Packaging;
import dev.weft.lifecycle.workflow.StatusStore;
import dev.weft.lifecycle.workflow.WorkflowSettings;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** The composition root: builds the workflow and its parts from {@link LifecycleConfig}. */
@Singleton
public class LifecycleBeans {

    @Produces
    @Singleton
    ChaincodeRuntime runtime(LifecycleConfig config, Instance<KubernetesClient> kubernetes) {
        return switch (config.runtime()) {
            case "local" ->
                new LocalChaincodeRuntime(workDir(config).resolve("servers"), Path.of(config.chaincodeJar()));
            case "kubernetes" -> new KubernetesChaincodeRuntime(kubernetes.get());
            default ->
                throw new IllegalArgumentException(
                        "weft.lifecycle.runtime must be local or kubernetes, got " + config.runtime());
        };
    }

    @Produces
    @Singleton
    DeploymentService deploymentService(
            LifecycleConfig config,
            LifecycleFabricConnector connector,
            ChaincodeRuntime runtime,
            ChaincodeEvents events) {
        Path work = workDir(config);
        StatusStore store = new StatusStore(work.resolve("status"));
        Packaging packaging = new Packaging(
                work.resolve("packages"),
                new ServerTlsStore(work.resolve("tls")),
                Path.of(config.chaincodeJar()),
                config.timeouts().dial());
        LifecycleConfig.Timeouts timeouts = config.timeouts();
        WorkflowSettings settings = new WorkflowSettings(
                timeouts.serverStart(), timeouts.install(), timeouts.approve(), timeouts.commit(), timeouts.init());
        DeploymentWorkflow workflow =
                new DeploymentWorkflow(connector, runtime, packaging, store, events, settings, Clock.systemUTC());
        return new DeploymentService(workflow, store, new NetworkRegistry(work.resolve("networks")), runtime);
    }

    void close(@Disposes DeploymentService service) {
        service.close();
    }

    void resume(@Observes StartupEvent startup, DeploymentService service) {
        service.resumeAll();
    }

    @Produces
    @Singleton
    ServerSupervisor supervisor(LifecycleConfig config, DeploymentService service) {
        boolean local = "local".equals(config.runtime());
        return new ServerSupervisor(service, local ? config.superviseInterval() : Duration.ZERO);
    }

    void supervise(@Observes StartupEvent startup, ServerSupervisor supervisor) {
        supervisor.start();
    }

    void close(@Disposes ServerSupervisor supervisor) {
        supervisor.close();
    }

    private static Path workDir(LifecycleConfig config) {
        return Path.of(config.workDir()).toAbsolutePath();
    }
}
