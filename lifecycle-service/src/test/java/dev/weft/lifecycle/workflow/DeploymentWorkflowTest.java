package dev.weft.lifecycle.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.events.ChaincodeFailed;
import dev.weft.events.ChaincodeInstalled;
import dev.weft.events.ChaincodeUpgraded;
import dev.weft.events.EventData;
import dev.weft.events.NetworkReady;
import dev.weft.events.StepStatus;
import dev.weft.lifecycle.artifacts.ServerTlsStore;
import dev.weft.lifecycle.fabric.InMemoryFabric;
import dev.weft.lifecycle.runtime.RecordingRuntime;
import dev.weft.lifecycle.spec.ChaincodeSpec;
import dev.weft.lifecycle.spec.ChaincodeSpecValidator;
import dev.weft.lifecycle.workflow.ChaincodeStatus.Phase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeploymentWorkflowTest {

    @TempDir
    Path work;

    private final InMemoryFabric fabric = InMemoryFabric.twoOrgs();
    private final RecordingRuntime runtime = new RecordingRuntime();
    private final List<EventData> events = new CopyOnWriteArrayList<>();
    private DeploymentWorkflow workflow;

    static final NetworkReady NETWORK = new NetworkReady(
            "net1",
            "local",
            null,
            List.of("mychannel"),
            List.of(),
            List.of(
                    new NetworkReady.Organization("Org1MSP", null, "file:/nowhere", null, List.of()),
                    new NetworkReady.Organization("Org2MSP", null, "file:/nowhere", null, List.of())));

    static ChaincodeSpec marbles(String version, Boolean initRequired) {
        return ChaincodeSpecValidator.requireValid(new ChaincodeSpec(
                "marbles",
                version,
                null,
                null,
                "net1",
                null,
                null,
                null,
                "AND('Org1MSP.peer','Org2MSP.peer')",
                initRequired,
                null,
                null,
                Map.of("indexOwner.json", "{\"index\":{\"fields\":[\"owner\"]}}"),
                null,
                null));
    }

    @BeforeEach
    void create() {
        workflow = new DeploymentWorkflow(
                (network, channel) -> fabric,
                runtime,
                new Packaging(
                        work.resolve("packages"),
                        new ServerTlsStore(work.resolve("tls")),
                        work.resolve("none.jar"),
                        Duration.ofSeconds(10)),
                new StatusStore(work.resolve("status")),
                events::add,
                new WorkflowSettings(
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(2)),
                Clock.systemUTC());
    }

    @AfterEach
    void close() {
        workflow.close();
    }

    private List<String> eventNames() {
        return events.stream().map(e -> e.getClass().getSimpleName()).toList();
    }

    @Test
    void deploys_with_every_step_as_an_event_in_order() {
        ChaincodeStatus status = workflow.run(marbles("1.0", false), NETWORK);

        assertThat(status.phase).isEqualTo(Phase.READY);
        assertThat(status.committedSequence).isEqualTo(1L);
        assertThat(eventNames())
                .containsExactly(
                        "ChaincodeRequested",
                        "ChaincodePackaged",
                        "ChaincodePackaged",
                        "ChaincodeInstalled",
                        "ChaincodeInstalled",
                        "ChaincodeServerStarted",
                        "ChaincodeServerStarted",
                        "ChaincodeApproved",
                        "ChaincodeApproved",
                        "ChaincodeCommitted",
                        "ChaincodeReady");
        assertThat(status.organizations.get("Org1MSP").packageId)
                .isNotEqualTo(status.organizations.get("Org2MSP").packageId);
        assertThat(fabric.peersWith(status.organizations.get("Org1MSP").packageId))
                .containsExactly("peer0.org1.example.com");
        assertThat(fabric.transactions()).as("two approvals and a commit").isEqualTo(3);
    }

    @Test
    void the_same_spec_again_changes_nothing() {
        workflow.run(marbles("1.0", false), NETWORK);
        int transactions = fabric.transactions();
        events.clear();

        ChaincodeStatus again = workflow.run(marbles("1.0", false), NETWORK);

        assertThat(again.phase).isEqualTo(Phase.READY);
        assertThat(fabric.transactions()).isEqualTo(transactions);
        assertThat(events)
                .filteredOn(ChaincodeInstalled.class::isInstance)
                .allSatisfy(e ->
                        assertThat(((ChaincodeInstalled) e).alreadyInstalled()).isTrue());
        assertThat(again.steps)
                .filteredOn(step -> List.of("package", "install", "server", "approve", "commit", "init")
                        .contains(step.step()))
                .extracting(ChaincodeStatus.StepRecord::status)
                .containsOnly(StepStatus.SKIPPED);
    }

    @Test
    void a_new_version_is_the_next_sequence_and_old_servers_go_after_the_commit() {
        ChaincodeStatus first = workflow.run(marbles("1.0", false), NETWORK);
        String oldOrg1 = first.organizations.get("Org1MSP").packageId;

        ChaincodeStatus upgraded = workflow.run(marbles("2.0", false), NETWORK);

        assertThat(upgraded.committedSequence).isEqualTo(2L);
        assertThat(fabric.committedDefinition().orElseThrow().version()).isEqualTo("2.0");
        assertThat(events)
                .filteredOn(ChaincodeUpgraded.class::isInstance)
                .singleElement()
                .isEqualTo(new ChaincodeUpgraded("marbles", "mychannel", "1.0", "2.0", 1L, 2L));
        assertThat(runtime.running())
                .containsExactlyInAnyOrder(
                        "Org1MSP " + upgraded.organizations.get("Org1MSP").packageId,
                        "Org2MSP " + upgraded.organizations.get("Org2MSP").packageId)
                .doesNotContain("Org1MSP " + oldOrg1);
        // the old server was stopped only after the commit
        assertThat(fabric.calls()).containsSubsequence("approve Org1MSP 2", "commit 2");
    }

    @Test
    void init_runs_once_per_sequence() {
        workflow.run(marbles("1.0", true), NETWORK);
        workflow.run(marbles("1.0", true), NETWORK);

        assertThat(fabric.calls()).filteredOn(call -> call.startsWith("init")).containsExactly("init Init");
    }

    @Test
    void a_failed_approval_names_the_org_and_a_rerun_resumes_after_the_installs() {
        fabric.failApprovalsOf("Org2MSP");

        ChaincodeStatus failed = workflow.run(marbles("1.0", false), NETWORK);

        assertThat(failed.phase).isEqualTo(Phase.FAILED);
        assertThat(events)
                .filteredOn(ChaincodeFailed.class::isInstance)
                .singleElement()
                .satisfies(e -> {
                    ChaincodeFailed failure = (ChaincodeFailed) e;
                    assertThat(failure.step()).isEqualTo("approve");
                    assertThat(failure.organization()).isEqualTo("Org2MSP");
                    assertThat(failure.error()).contains("access denied");
                    assertThat(failure.hint()).contains("not an admin");
                });

        fabric.failApprovalsOf(null);
        ChaincodeStatus resumed = workflow.run(marbles("1.0", false), NETWORK);

        assertThat(resumed.phase).isEqualTo(Phase.READY);
        assertThat(resumed.steps)
                .filteredOn(step -> step.step().equals("install"))
                .extracting(ChaincodeStatus.StepRecord::status)
                .containsExactly(StepStatus.SKIPPED);
    }

    @Test
    void a_server_that_does_not_come_up_fails_the_server_step_with_a_hint() {
        runtime.failStarts();

        ChaincodeStatus failed = workflow.run(marbles("1.0", false), NETWORK);

        assertThat(failed.error.step()).isEqualTo("server");
        assertThat(failed.error.hint()).contains("chaincode server is down");
        assertThat(fabric.transactions())
                .as("nothing approved for a server that is not up")
                .isZero();
    }

    @Test
    void an_organization_outside_the_network_is_refused() {
        ChaincodeSpec spec = marbles("1.0", false).withOrganizations(List.of("Org1MSP", "Org9MSP"));

        ChaincodeStatus failed = workflow.run(spec, NETWORK);

        assertThat(failed.error.step()).isEqualTo("request");
        assertThat(failed.error.organization()).isEqualTo("Org9MSP");
    }
}
