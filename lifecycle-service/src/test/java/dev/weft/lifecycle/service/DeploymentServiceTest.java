package dev.weft.lifecycle.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.events.NetworkReady;
import dev.weft.lifecycle.artifacts.ServerTlsStore;
import dev.weft.lifecycle.fabric.InMemoryFabric;
import dev.weft.lifecycle.runtime.RecordingRuntime;
import dev.weft.lifecycle.spec.ChaincodeSpec;
import dev.weft.lifecycle.spec.ChaincodeSpecValidator;
import dev.weft.lifecycle.spec.InvalidSpecException;
import dev.weft.lifecycle.spec.SpecProblem;
import dev.weft.lifecycle.workflow.ChaincodeStatus;
import dev.weft.lifecycle.workflow.ChaincodeStatus.Phase;
import dev.weft.lifecycle.workflow.DeploymentWorkflow;
import dev.weft.lifecycle.workflow.Packaging;
import dev.weft.lifecycle.workflow.StatusStore;
import dev.weft.lifecycle.workflow.WorkflowSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeploymentServiceTest {

    @TempDir
    Path work;

    private final InMemoryFabric fabric = InMemoryFabric.twoOrgs();
    private final RecordingRuntime runtime = new RecordingRuntime();

    static final NetworkReady NETWORK = new NetworkReady(
            "net1",
            "local",
            null,
            List.of("mychannel"),
            List.of(),
            List.of(
                    new NetworkReady.Organization("Org1MSP", null, "file:/nowhere", null, List.of()),
                    new NetworkReady.Organization("Org2MSP", null, "file:/nowhere", null, List.of())));

    private DeploymentService service() {
        StatusStore store = new StatusStore(work.resolve("status"));
        DeploymentWorkflow workflow = new DeploymentWorkflow(
                (network, channel) -> fabric,
                runtime,
                new Packaging(
                        work.resolve("packages"),
                        new ServerTlsStore(work.resolve("tls")),
                        work.resolve("none.jar"),
                        Duration.ofSeconds(10)),
                store,
                event -> {},
                new WorkflowSettings(
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(2)),
                Clock.systemUTC());
        return new DeploymentService(workflow, store, new NetworkRegistry(work.resolve("networks")), runtime);
    }

    private static ChaincodeSpec marbles() {
        return new ChaincodeSpec(
                "marbles",
                "1.0",
                null,
                null,
                "net1",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                java.util.Map.of(),
                null,
                null);
    }

    @Test
    void a_spec_for_an_unknown_network_waits_for_its_network_ready() {
        try (DeploymentService service = service()) {
            assertThat(service.submit(marbles()).phase).isEqualTo(Phase.WAITING_FOR_NETWORK);

            service.onNetworkReady(NETWORK, List.of());
            service.await("marbles");

            assertThat(service.status("marbles").orElseThrow().phase).isEqualTo(Phase.READY);
        }
    }

    @Test
    void a_restarted_service_resumes_a_deployment_left_in_progress() {
        try (DeploymentService first = service()) {
            first.onNetworkReady(NETWORK, List.of());
        }
        // what a crash after the install step leaves behind
        StatusStore store = new StatusStore(work.resolve("status"));
        ChaincodeStatus crashed = new ChaincodeStatus();
        crashed.name = "marbles";
        crashed.network = "net1";
        crashed.channel = "mychannel";
        crashed.spec = ChaincodeSpecValidator.requireValid(marbles());
        crashed.phase = Phase.IN_PROGRESS;
        crashed.step = "install";
        store.save(crashed);

        try (DeploymentService restarted = service()) {
            restarted.resumeAll();
            restarted.await("marbles");

            assertThat(restarted.status("marbles").orElseThrow().phase).isEqualTo(Phase.READY);
            assertThat(fabric.committedDefinition()).isPresent();
        }
    }

    @Test
    void network_ready_deploys_the_automatic_chaincodes_once() {
        try (DeploymentService service = service()) {
            service.onNetworkReady(NETWORK, List.of(marbles()));
            service.await("marbles");
            int transactions = fabric.transactions();

            service.onNetworkReady(NETWORK, List.of(marbles()));
            service.await("marbles");

            assertThat(service.status("marbles").orElseThrow().phase).isEqualTo(Phase.READY);
            assertThat(fabric.transactions()).isEqualTo(transactions);
        }
    }

    @Test
    void a_re_announced_network_restarts_the_servers_stopped_with_it() {
        try (DeploymentService service = service()) {
            service.onNetworkReady(NETWORK, List.of(marbles()));
            service.await("marbles");
            int transactions = fabric.transactions();
            runtime.stopAll("marbles", null); // what ./weft down leaves: the status says READY, no server runs

            service.onNetworkReady(NETWORK, List.of(marbles()));
            service.await("marbles");

            assertThat(runtime.running()).hasSize(2);
            assertThat(service.status("marbles").orElseThrow().phase).isEqualTo(Phase.READY);
            assertThat(fabric.transactions()).isEqualTo(transactions);
        }
    }

    @Test
    void a_stopped_server_of_a_ready_chaincode_is_started_again_without_a_new_definition() {
        try (DeploymentService service = service()) {
            service.onNetworkReady(NETWORK, List.of(marbles()));
            service.await("marbles");
            int transactions = fabric.transactions();
            runtime.crash("Org2MSP");

            assertThat(service.reviveStoppedServers()).containsExactly("marbles");
            service.await("marbles");

            assertThat(runtime.running()).anyMatch(server -> server.startsWith("Org2MSP "));
            assertThat(service.status("marbles").orElseThrow().phase).isEqualTo(Phase.READY);
            assertThat(fabric.transactions()).isEqualTo(transactions);
            assertThat(service.reviveStoppedServers()).isEmpty();
        }
    }

    @Test
    void the_servers_of_a_deleted_chaincode_stay_stopped() {
        try (DeploymentService service = service()) {
            service.onNetworkReady(NETWORK, List.of(marbles()));
            service.await("marbles");

            service.delete("marbles");

            assertThat(service.reviveStoppedServers()).isEmpty();
            assertThat(runtime.running()).isEmpty();
        }
    }

    @Test
    void an_organization_or_channel_the_known_network_lacks_is_refused_and_nothing_is_recorded() {
        try (DeploymentService service = service()) {
            service.onNetworkReady(NETWORK, List.of());
            ChaincodeSpec spec = marbles();
            ChaincodeSpec strangers = new ChaincodeSpec(
                    "strangers",
                    "1.0",
                    null,
                    "otherchannel",
                    "net1",
                    List.of("Org1MSP", "Org9MSP"),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    java.util.Map.of(),
                    null,
                    null);

            assertThatThrownBy(() -> service.submit(strangers))
                    .isInstanceOfSatisfying(
                            InvalidSpecException.class,
                            e -> assertThat(e.problems())
                                    .extracting(SpecProblem::field)
                                    .containsExactly("organizations[1]", "channel"));
            assertThat(service.status("strangers")).isEmpty();
            assertThat(service.submit(spec).phase).isEqualTo(Phase.IN_PROGRESS);
            service.await("marbles");
        }
    }
}
