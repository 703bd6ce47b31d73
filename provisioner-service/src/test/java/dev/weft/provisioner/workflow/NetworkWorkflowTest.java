package dev.weft.provisioner.workflow;

import static dev.weft.provisioner.workflow.NetworkWorkflow.CRYPTO;
import static dev.weft.provisioner.workflow.NetworkWorkflow.GENESIS;
import static dev.weft.provisioner.workflow.NetworkWorkflow.NODES_READY;
import static dev.weft.provisioner.workflow.NetworkWorkflow.ORDERERS_JOIN;
import static dev.weft.provisioner.workflow.NetworkWorkflow.PEERS_JOIN;
import static dev.weft.provisioner.workflow.NetworkWorkflow.READY;
import static dev.weft.provisioner.workflow.NetworkWorkflow.RUNTIME_APPLY;
import static dev.weft.provisioner.workflow.NetworkWorkflow.STEPS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.events.EventJson;
import dev.weft.events.NetworkFailed;
import dev.weft.events.NetworkReady;
import dev.weft.events.StepStatus;
import dev.weft.provisioner.spec.NetworkSpec;
import dev.weft.provisioner.status.NetworkStatus;
import dev.weft.provisioner.status.Phase;
import dev.weft.provisioner.status.StatusStore;
import dev.weft.provisioner.status.StepCondition;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The workflow over a fake runtime and fake admin operations, with real crypto and genesis blocks on disk. */
class NetworkWorkflowTest {

    private static final NetworkSpec SPEC = NetworkSpec.defaults("demo");

    @TempDir
    Path workDir;

    FakeRuntime runtime;
    FakeAdmin admin;
    RecordingEvents events;
    SimpleMeterRegistry meters;
    StatusStore store;

    @BeforeEach
    void setUp() {
        runtime = new FakeRuntime();
        admin = new FakeAdmin();
        events = new RecordingEvents();
        meters = new SimpleMeterRegistry();
        store = new StatusStore(workDir);
    }

    /** A fresh workflow instance over the same work folder, as after a service restart. */
    NetworkWorkflow workflow() {
        return new NetworkWorkflow(
                runtime,
                admin,
                store,
                events,
                meters,
                Clock.systemUTC(),
                new NetworkWorkflow.Timeouts(Duration.ofSeconds(5), Duration.ZERO));
    }

    @Nested
    class A_first_run {

        @Test
        void runs_every_step_in_order_and_ends_ready() {
            NetworkStatus status = workflow().run(SPEC);

            assertThat(status.phase()).isEqualTo(Phase.READY);
            assertThat(status.conditions()).extracting(StepCondition::step).containsExactlyElementsOf(STEPS);
            assertThat(status.conditions()).extracting(StepCondition::status).containsOnly(StepStatus.SUCCEEDED);
            assertThat(runtime.calls).containsExactly("apply", "awaitReady");
        }

        @Test
        void publishes_requested_then_started_and_succeeded_per_step_then_ready() {
            workflow().run(SPEC);

            List<String> expected = new ArrayList<>();
            expected.add("NetworkRequested");
            STEPS.forEach(s -> {
                expected.add(s + ":STARTED");
                expected.add(s + ":SUCCEEDED");
            });
            expected.add("NetworkReady");
            assertThat(events.trail()).containsExactlyElementsOf(expected);
        }

        @Test
        void joins_every_orderer_and_member_peer_to_the_channel() {
            workflow().run(SPEC);

            assertThat(admin.joins)
                    .containsExactly(
                            "orderer0→mychannel",
                            "orderer1→mychannel",
                            "orderer2→mychannel",
                            "org1-peer0→mychannel",
                            "org2-peer0→mychannel");
        }

        @Test
        void ready_event_carries_endpoints_tls_cas_and_admin_references_but_no_keys() {
            workflow().run(SPEC);

            NetworkReady ready = (NetworkReady) events.events.get(events.events.size() - 1);
            assertThat(ready.channels()).containsExactly("mychannel");
            assertThat(ready.orderers())
                    .extracting(NetworkReady.Orderer::address)
                    .containsExactly("127.0.0.1:7000", "127.0.0.1:7010", "127.0.0.1:7020");
            assertThat(ready.orderers().get(0).tlsCaCertPem()).startsWith("-----BEGIN CERTIFICATE-----");
            NetworkReady.Organization org1 = ready.organizations().get(0);
            assertThat(org1.mspId()).isEqualTo("Org1MSP");
            assertThat(org1.adminIdentity()).startsWith("file:/").endsWith("/users/Admin@org1.demo/msp");
            assertThat(Path.of(org1.adminIdentity().substring(5)).resolve("keystore/priv_sk"))
                    .exists();
            assertThat(org1.peers()).extracting(NetworkReady.Peer::address).containsExactly("127.0.0.1:7100");
            assertThat(events.events)
                    .allSatisfy(e ->
                            assertThat(EventJson.mapper().writeValueAsString(e)).doesNotContain("PRIVATE KEY"));
        }

        @Test
        void status_on_disk_has_timestamps_and_durations_and_no_key_material() throws IOException {
            workflow().run(SPEC);

            NetworkStatus stored = store.find("demo").orElseThrow();
            assertThat(stored.phase()).isEqualTo(Phase.READY);
            assertThat(stored.notes()).contains("fake runtime");
            assertThat(stored.conditions()).allSatisfy(c -> {
                assertThat(c.finishedAt()).isAfterOrEqualTo(c.startedAt());
                assertThat(c.durationMillis()).isNotNegative();
            });
            assertThat(Files.readString(workDir.resolve("demo/status.json"))).doesNotContain("PRIVATE KEY");
        }

        @Test
        void records_step_durations_as_metrics() {
            workflow().run(SPEC);

            assertThat(meters.get("weft.provisioner.step.duration")
                            .tag("step", GENESIS)
                            .timer()
                            .count())
                    .isEqualTo(1);
        }
    }

    @Nested
    class A_re_run_of_the_same_spec {

        @Test
        void skips_every_step_and_changes_nothing() throws IOException {
            workflow().run(SPEC);
            Map<String, byte[]> keys = keyFiles();
            byte[] block = Files.readAllBytes(workDir.resolve("demo/channels/mychannel.block"));
            events.clear();

            NetworkStatus again = workflow().run(SPEC);

            assertThat(again.phase()).isEqualTo(Phase.READY);
            assertThat(again.conditions()).extracting(StepCondition::status).containsOnly(StepStatus.SKIPPED);
            assertThat(runtime.calls).containsExactly("apply", "awaitReady");
            assertThat(admin.joins).hasSize(5);
            assertThat(keyFiles()).containsExactlyInAnyOrderEntriesOf(keys);
            assertThat(Files.readAllBytes(workDir.resolve("demo/channels/mychannel.block")))
                    .isEqualTo(block);
            assertThat(events.trail())
                    .containsExactly(
                            "NetworkRequested",
                            "crypto:SKIPPED",
                            "runtime-apply:SKIPPED",
                            "nodes-ready:SKIPPED",
                            "genesis:SKIPPED",
                            "orderers-join:SKIPPED",
                            "peers-join:SKIPPED",
                            "ready:SKIPPED",
                            "NetworkReady");
        }

        @Test
        void restarts_nodes_that_stopped_and_skips_the_rest() {
            workflow().run(SPEC);
            runtime.applied = false;
            runtime.ready = false;

            NetworkStatus again = workflow().run(SPEC);

            assertThat(again.condition(CRYPTO).status()).isEqualTo(StepStatus.SKIPPED);
            assertThat(again.condition(RUNTIME_APPLY).status()).isEqualTo(StepStatus.SUCCEEDED);
            assertThat(again.condition(NODES_READY).status()).isEqualTo(StepStatus.SUCCEEDED);
            assertThat(again.condition(ORDERERS_JOIN).status()).isEqualTo(StepStatus.SKIPPED);
        }
    }

    @Nested
    class After_a_crash {

        @ParameterizedTest(name = "crash in {0}")
        @ValueSource(
                strings = {"crypto", "runtime-apply", "nodes-ready", "genesis", "orderers-join", "peers-join", "ready"})
        void a_new_instance_resumes_at_the_unfinished_step_with_the_same_keys(String step) throws IOException {
            crashIn(step);
            assertThatThrownBy(() -> workflow().run(SPEC)).isInstanceOf(SimulatedCrash.class);
            NetworkStatus crashed = store.find("demo").orElseThrow();
            assertThat(crashed.phase()).isEqualTo(Phase.PROVISIONING);
            assertThat(crashed.condition(step).status()).isEqualTo(StepStatus.STARTED);
            Map<String, byte[]> keys = keyFiles();
            events.clear();

            NetworkStatus resumed = workflow().run(SPEC);

            assertThat(resumed.phase()).isEqualTo(Phase.READY);
            int at = STEPS.indexOf(step);
            for (String before : STEPS.subList(0, at)) {
                assertThat(resumed.condition(before).status()).as(before).isEqualTo(StepStatus.SKIPPED);
            }
            assertThat(resumed.condition(step).status()).isIn(StepStatus.SUCCEEDED, StepStatus.SKIPPED);
            if (!keys.isEmpty()) {
                assertThat(keyFiles()).containsExactlyInAnyOrderEntriesOf(keys);
            }
            assertThat(admin.joins).hasSize(5).doesNotHaveDuplicates();
            assertThat(events.trail()).last().isEqualTo("NetworkReady");
        }

        private void crashIn(String step) {
            switch (step) {
                case RUNTIME_APPLY -> runtime.crashAfterApply = true;
                case NODES_READY -> runtime.crashWhenReady = true;
                case ORDERERS_JOIN -> admin.crashAfterFirstOrdererJoin = true;
                case PEERS_JOIN -> admin.crashAfterFirstPeerJoin = true;
                default -> events.crashWhenStarting = step;
            }
        }
    }

    @Nested
    class A_failing_step {

        @Test
        void fails_the_network_naming_the_step_and_error_then_resumes_there() {
            admin.refuseJoins = "no route";

            NetworkStatus failed = workflow().run(SPEC);

            assertThat(failed.phase()).isEqualTo(Phase.FAILED);
            assertThat(failed.lastError()).contains("orderer0").contains("no route");
            assertThat(failed.condition(ORDERERS_JOIN).status()).isEqualTo(StepStatus.FAILED);
            assertThat(failed.condition(PEERS_JOIN)).isNull();
            assertThat(events.trail()).endsWith("orderers-join:STARTED", "orderers-join:FAILED", "NetworkFailed");
            NetworkFailed event = (NetworkFailed) events.events.get(events.events.size() - 1);
            assertThat(event.step()).isEqualTo(ORDERERS_JOIN);
            assertThat(event.hint()).contains("resumes at orderers-join");
            assertThat(meters.get("weft.provisioner.step.failures")
                            .tag("step", ORDERERS_JOIN)
                            .counter()
                            .count())
                    .isEqualTo(1);

            admin.refuseJoins = null;
            NetworkStatus resumed = workflow().run(SPEC);

            assertThat(resumed.phase()).isEqualTo(Phase.READY);
            assertThat(resumed.lastError()).isNull();
            assertThat(resumed.condition(GENESIS).status()).isEqualTo(StepStatus.SKIPPED);
            assertThat(resumed.condition(ORDERERS_JOIN).status()).isEqualTo(StepStatus.SUCCEEDED);
            assertThat(resumed.condition(READY).status()).isEqualTo(StepStatus.SUCCEEDED);
        }
    }

    /** Every private key file under the network's crypto folder, by relative path. */
    private Map<String, byte[]> keyFiles() throws IOException {
        Path crypto = workDir.resolve("demo/crypto");
        Map<String, byte[]> keys = new TreeMap<>();
        if (!Files.isDirectory(crypto)) {
            return keys;
        }
        try (Stream<Path> files = Files.walk(crypto)) {
            for (Path f : files.filter(
                            f -> f.toString().endsWith("_sk") || f.toString().endsWith(".key"))
                    .toList()) {
                keys.put(crypto.relativize(f).toString(), Files.readAllBytes(f));
            }
        }
        return keys;
    }
}
