package dev.weft.provisioner.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.weft.provisioner.status.NetworkStatus;
import dev.weft.provisioner.status.Phase;
import dev.weft.provisioner.status.StatusStore;
import dev.weft.provisioner.workflow.SpecFileBootstrap.Outcome;
import dev.weft.provisioner.workflow.SpecFileBootstrap.Result;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up provisioning from a spec file, over the real workflow with a fake runtime and fake admin operations. */
class SpecFileBootstrapTest {

    @TempDir
    Path workDir;

    @TempDir
    Path etc;

    FakeRuntime runtime;
    StatusStore store;
    RecordingEvents events;
    final List<NetworkWorkers> started = new ArrayList<>();

    @BeforeEach
    void setUp() {
        runtime = new FakeRuntime();
        store = new StatusStore(workDir);
        events = new RecordingEvents();
    }

    @AfterEach
    void tearDown() {
        started.forEach(NetworkWorkers::close);
    }

    /** The service's workers as a fresh start builds them, over the same work folder. */
    NetworkWorkers workers() {
        NetworkWorkflow workflow = new NetworkWorkflow(
                runtime,
                new FakeAdmin(),
                store,
                events,
                new SimpleMeterRegistry(),
                Clock.systemUTC(),
                new NetworkWorkflow.Timeouts(Duration.ofSeconds(5), Duration.ZERO));
        NetworkWorkers workers = new NetworkWorkers(workflow, runtime, store, Clock.systemUTC());
        started.add(workers);
        return workers;
    }

    Path specFile(String content) throws IOException {
        return Files.writeString(etc.resolve("network.json"), content);
    }

    NetworkStatus awaitPhase(String network, Phase phase) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> store.find(network).map(NetworkStatus::phase).orElse(null) == phase);
        return store.find(network).orElseThrow();
    }

    @Test
    void a_first_start_provisions_the_network_in_the_file() throws IOException {
        Result result = new SpecFileBootstrap(workers()).apply(specFile("{\"name\":\"demo\"}"));

        assertThat(result).isEqualTo(new Result(Outcome.SUBMITTED, "demo"));
        awaitPhase("demo", Phase.READY);
        assertThat(events.trail()).first().isEqualTo("NetworkRequested");
        assertThat(events.trail()).last().isEqualTo("NetworkReady");
    }

    @Test
    void a_restart_with_the_same_spec_leaves_the_ready_network_alone() throws IOException {
        Path file = specFile("{\"name\":\"demo\"}");
        new SpecFileBootstrap(workers()).apply(file);
        awaitPhase("demo", Phase.READY);
        int eventsBefore = events.events.size();
        int callsBefore = runtime.calls.size();

        Result again = new SpecFileBootstrap(workers()).apply(file);

        assertThat(again.outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(events.events).hasSize(eventsBefore);
        assertThat(runtime.calls).hasSize(callsBefore);
    }

    @Test
    void a_changed_spec_is_provisioned_as_an_update() throws IOException {
        new SpecFileBootstrap(workers()).apply(specFile("{\"name\":\"demo\"}"));
        String firstHash = awaitPhase("demo", Phase.READY).specHash();

        Result update =
                new SpecFileBootstrap(workers()).apply(specFile("{\"name\":\"demo\",\"stateDatabase\":\"leveldb\"}"));

        assertThat(update.outcome()).isEqualTo(Outcome.SUBMITTED);
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            NetworkStatus status = store.find("demo").orElseThrow();
            return status.phase() == Phase.READY && !status.specHash().equals(firstHash);
        });
    }

    @Test
    void a_failed_network_is_tried_again_at_the_next_start() throws IOException {
        Path file = specFile("{\"name\":\"demo\"}");
        new SpecFileBootstrap(workers()).apply(file);
        NetworkStatus ready = awaitPhase("demo", Phase.READY);
        store.save(ready.failed("nodes were not ready", ready.updatedAt()));

        Result retried = new SpecFileBootstrap(workers()).apply(file);

        assertThat(retried.outcome()).isEqualTo(Outcome.SUBMITTED);
        awaitPhase("demo", Phase.READY);
    }

    @Test
    void an_invalid_spec_is_rejected_naming_the_field_and_creates_nothing() throws IOException {
        Result result = new SpecFileBootstrap(workers()).apply(specFile("{\"name\":\"demo\",\"peerOrgz\":[]}"));

        assertThat(result.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(result.detail()).contains("network.json").contains("peerOrgz");
        assertThat(store.all()).isEmpty();
        assertThat(events.events).isEmpty();
    }

    @Test
    void a_missing_file_is_rejected_naming_the_file() {
        Result result = new SpecFileBootstrap(workers()).apply(etc.resolve("absent.json"));

        assertThat(result.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(result.detail()).contains("absent.json");
        assertThat(store.all()).isEmpty();
    }

    @Test
    void a_runtime_that_cannot_run_networks_is_reported_and_nothing_is_recorded() throws IOException {
        runtime.unavailable = "FABRIC_BIN is not set";

        Result result = new SpecFileBootstrap(workers()).apply(specFile("{\"name\":\"demo\"}"));

        assertThat(result.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(result.detail()).contains("demo").contains("FABRIC_BIN is not set");
        assertThat(store.all()).isEmpty();
    }
}
