package dev.weft.lifecycle.workflow;

import dev.weft.events.ChaincodeApproved;
import dev.weft.events.ChaincodeCommitted;
import dev.weft.events.ChaincodeFailed;
import dev.weft.events.ChaincodeInstalled;
import dev.weft.events.ChaincodePackaged;
import dev.weft.events.ChaincodeReady;
import dev.weft.events.ChaincodeRequested;
import dev.weft.events.ChaincodeServerStarted;
import dev.weft.events.ChaincodeUpgraded;
import dev.weft.events.NetworkReady;
import dev.weft.events.StepStatus;
import dev.weft.fabric.admin.chaincode.ChaincodePackage;
import dev.weft.fabric.admin.lifecycle.ChaincodeDefinition;
import dev.weft.lifecycle.fabric.LifecycleFabric;
import dev.weft.lifecycle.fabric.LifecycleFabricConnector;
import dev.weft.lifecycle.runtime.ChaincodeRuntime;
import dev.weft.lifecycle.runtime.ServerLaunch;
import dev.weft.lifecycle.spec.ChaincodeSpec;
import dev.weft.lifecycle.workflow.ChaincodeStatus.OrgStatus;
import dev.weft.lifecycle.workflow.ChaincodeStatus.Phase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Deploys (or upgrades, or confirms) a chaincode as a chain of short named steps: request → package → install →
 * server → approve → commit → retire → init → ready. Each step first checks whether its work is done and then
 * only reports it ({@link StepStatus#SKIPPED}), so the same spec applied twice changes nothing, and a run
 * interrupted anywhere resumes at the first unfinished step. Every step publishes its event on {@code
 * weft.chaincode}; a failure publishes {@code ChaincodeFailed} with the step, organization, peer, Fabric's message
 * and a hint.
 *
 * <pre>{@code
 * ChaincodeStatus status = workflow.run(spec, networkReady);
 * status.phase   // READY or FAILED
 * }</pre>
 */
public final class DeploymentWorkflow implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DeploymentWorkflow.class);

    private final LifecycleFabricConnector connector;
    private final ChaincodeRuntime runtime;
    private final Packaging packaging;
    private final StatusStore store;
    private final ChaincodeEvents events;
    private final WorkflowSettings settings;
    private final Clock clock;
    private final ExecutorService parallel = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "lifecycle-step");
        thread.setDaemon(true);
        return thread;
    });

    public DeploymentWorkflow(
            LifecycleFabricConnector connector,
            ChaincodeRuntime runtime,
            Packaging packaging,
            StatusStore store,
            ChaincodeEvents events,
            WorkflowSettings settings,
            Clock clock) {
        this.connector = Objects.requireNonNull(connector, "connector");
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        this.packaging = Objects.requireNonNull(packaging, "packaging");
        this.store = Objects.requireNonNull(store, "store");
        this.events = Objects.requireNonNull(events, "events");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Applies {@code spec} (defaults applied) on {@code network}; returns the final status (READY or FAILED). */
    public ChaincodeStatus run(ChaincodeSpec spec, NetworkReady network) {
        Run run = new Run(spec, network, startStatus(spec, network));
        try {
            step(run, "request", this::request);
            try (LifecycleFabric fabric = connect(run)) {
                run.fabric = fabric;
                step(run, "package", this::packageAll);
                step(run, "install", this::install);
                step(run, "server", this::startServers);
                step(run, "approve", this::approve);
                step(run, "commit", this::commit);
                step(run, "retire", this::retire);
                step(run, "init", this::init);
                step(run, "ready", this::ready);
            }
        } catch (StepFailure failure) {
            fail(run, failure);
        }
        return run.status;
    }

    private LifecycleFabric connect(Run run) {
        try {
            return connector.connect(run.network, run.spec.channel());
        } catch (RuntimeException e) {
            throw new StepFailure("connect", null, null, e);
        }
    }

    /** Runs one step, records how it ended and saves the status, so a restart resumes after it. */
    private void step(Run run, String name, Function<Run, StepStatus> step) {
        run.status.step = name;
        run.status.phase = Phase.IN_PROGRESS;
        Instant start = clock.instant();
        StepStatus outcome;
        try {
            outcome = step.apply(run);
        } catch (StepFailure failure) {
            record(run, name, StepStatus.FAILED, start);
            throw failure;
        } catch (RuntimeException e) {
            record(run, name, StepStatus.FAILED, start);
            throw new StepFailure(name, null, null, e);
        }
        record(run, name, outcome, start);
        LOG.debugf("%s: %s %s", run.spec.name(), name, outcome);
    }

    private void record(Run run, String name, StepStatus outcome, Instant start) {
        run.status.steps.removeIf(existing -> existing.step().equals(name));
        run.status.steps.add(new ChaincodeStatus.StepRecord(
                name, outcome, Duration.between(start, clock.instant()).toMillis()));
        save(run.status);
    }

    private StepStatus request(Run run) {
        List<String> members = run.spec.organizations().isEmpty()
                ? run.network.organizations().stream()
                        .map(NetworkReady.Organization::mspId)
                        .toList()
                : run.spec.organizations();
        for (String mspId : members) {
            if (run.network.organizations().stream()
                    .noneMatch(org -> org.mspId().equals(mspId))) {
                throw new StepFailure(
                        "request",
                        mspId,
                        null,
                        "organization " + mspId + " is not part of network " + run.network.network());
            }
        }
        if (!run.network.channels().isEmpty() && !run.network.channels().contains(run.spec.channel())) {
            throw new StepFailure(
                    "request",
                    null,
                    null,
                    "network " + run.network.network() + " has no channel " + run.spec.channel() + " (it has "
                            + run.network.channels() + ")");
        }
        run.members = members;
        run.status.spec = run.spec.withOrganizations(members);
        events.emit(new ChaincodeRequested(
                run.spec.name(), run.network.network(), run.spec.channel(), run.spec.version(), members));
        return StepStatus.SUCCEEDED;
    }

    private StepStatus packageAll(Run run) {
        boolean changed = false;
        for (String mspId : run.members) {
            OrgStatus org = run.status.org(mspId);
            String shape = Packaging.shape(run.spec);
            String address = runtime.address(
                    run.spec, mspId, run.network.namespace(), Optional.ofNullable(org.addresses.get(shape)));
            org.addresses.put(shape, address);
            Packaging.Built built = packaging.build(run.spec, mspId, address);
            changed |= !built.chaincodePackage().packageId().equals(org.packageId);
            org.packageId = built.chaincodePackage().packageId();
            org.label = run.spec.label();
            org.address = address;
            run.packages.put(mspId, built);
            events.emit(new ChaincodePackaged(
                    run.spec.name(),
                    mspId,
                    run.spec.label(),
                    org.packageId,
                    run.spec.type().value()));
        }
        return changed ? StepStatus.SUCCEEDED : StepStatus.SKIPPED;
    }

    private StepStatus install(Run run) {
        List<Supplier<Boolean>> installs = new ArrayList<>();
        for (String mspId : run.members) {
            ChaincodePackage pkg = run.packages.get(mspId).chaincodePackage();
            OrgStatus org = run.status.org(mspId);
            for (String peer : run.fabric.peers(mspId)) {
                installs.add(() -> {
                    boolean already;
                    try {
                        already = retrying(settings.install(), () -> run.fabric.install(mspId, peer, pkg));
                    } catch (RuntimeException e) {
                        throw new StepFailure("install", mspId, peer, e);
                    }
                    synchronized (org) {
                        if (!org.installedOn.contains(peer)) {
                            org.installedOn.add(peer);
                        }
                    }
                    events.emit(new ChaincodeInstalled(run.spec.name(), mspId, peer, pkg.packageId(), already));
                    return already;
                });
            }
        }
        return inParallel(installs).stream().allMatch(Boolean::booleanValue)
                ? StepStatus.SKIPPED
                : StepStatus.SUCCEEDED;
    }

    private StepStatus startServers(Run run) {
        List<Supplier<Boolean>> starts = new ArrayList<>();
        for (String mspId : run.members) {
            ServerLaunch launch = launch(run, mspId);
            starts.add(() -> {
                boolean started;
                try {
                    started = runtime.start(launch);
                    runtime.awaitAccepting(launch, settings.serverStart());
                } catch (RuntimeException e) {
                    throw new StepFailure("server", mspId, null, e);
                }
                run.status.org(mspId).serverReady = true;
                events.emit(new ChaincodeServerStarted(
                        run.spec.name(),
                        mspId,
                        launch.address(),
                        launch.packageId(),
                        run.spec.tls().value()));
                return started;
            });
        }
        return inParallel(starts).contains(Boolean.TRUE) ? StepStatus.SUCCEEDED : StepStatus.SKIPPED;
    }

    private StepStatus approve(Run run) {
        String first = run.members.get(0);
        ChaincodeDefinition desired = Definitions.desired(run.spec);
        Optional<ChaincodeDefinition> committed =
                retrying(settings.approve(), () -> run.fabric.committed(first, run.spec.name()));
        run.previous = committed;
        long sequence = Definitions.sequence(
                desired,
                committed,
                mspId -> run.fabric.approvedPackage(
                        mspId, run.spec.name(), committed.get().sequence()),
                run.packageIds());
        run.definition = desired.withSequence(sequence);
        run.status.sequence = sequence;
        // Submitted concurrently so that all approvals are ordered into the same block.
        List<Supplier<Boolean>> approvals = new ArrayList<>();
        for (String mspId : run.members) {
            String packageId = run.packages.get(mspId).chaincodePackage().packageId();
            approvals.add(() -> {
                boolean already;
                try {
                    already = retrying(settings.approve(), () -> run.fabric.approve(mspId, run.definition, packageId));
                } catch (RuntimeException e) {
                    throw new StepFailure("approve", mspId, null, e);
                }
                run.status.org(mspId).approvedSequence = sequence;
                events.emit(new ChaincodeApproved(run.spec.name(), run.spec.channel(), mspId, sequence, packageId));
                return already;
            });
        }
        return inParallel(approvals).stream().allMatch(Boolean::booleanValue)
                ? StepStatus.SKIPPED
                : StepStatus.SUCCEEDED;
    }

    private StepStatus commit(Run run) {
        String first = run.members.get(0);
        ChaincodeDefinition definition = run.definition;
        boolean already = run.previous
                .filter(committed ->
                        committed.sequence() == definition.sequence() && committed.sameParametersAs(definition))
                .isPresent();
        if (!already) {
            awaitApprovals(run, first, definition);
            try {
                already = retrying(settings.commit(), () -> run.fabric.commit(first, definition));
            } catch (RuntimeException e) {
                throw new StepFailure("commit", first, null, e);
            }
        }
        run.status.committedSequence = definition.sequence();
        run.status.committedVersion = definition.version();
        events.emit(new ChaincodeCommitted(
                run.spec.name(), run.spec.channel(), definition.version(), definition.sequence()));
        if (!already && run.previous.isPresent()) {
            events.emit(new ChaincodeUpgraded(
                    run.spec.name(),
                    run.spec.channel(),
                    run.previous.get().version(),
                    definition.version(),
                    run.previous.get().sequence(),
                    definition.sequence()));
        }
        return already ? StepStatus.SKIPPED : StepStatus.SUCCEEDED;
    }

    /** Waits until every member's approval is visible on the committing peer (they may land a block apart). */
    private void awaitApprovals(Run run, String mspId, ChaincodeDefinition definition) {
        Instant deadline = clock.instant().plus(settings.commit());
        while (true) {
            Map<String, Boolean> approvals =
                    retrying(settings.commit(), () -> run.fabric.commitReadiness(mspId, definition));
            List<String> missing = run.members.stream()
                    .filter(member -> !approvals.getOrDefault(member, false))
                    .toList();
            if (missing.isEmpty()) {
                return;
            }
            if (clock.instant().isAfter(deadline)) {
                throw new StepFailure(
                        "commit",
                        missing.get(0),
                        null,
                        "not every organization approved sequence " + definition.sequence()
                                + " with the same parameters: approvals " + approvals);
            }
            Retries.sleep(Duration.ofMillis(50));
        }
    }

    private StepStatus retire(Run run) {
        for (String mspId : run.members) {
            try {
                runtime.retire(run.spec.name(), mspId, launch(run, mspId));
            } catch (RuntimeException e) {
                throw new StepFailure("retire", mspId, null, e);
            }
        }
        return StepStatus.SUCCEEDED;
    }

    private StepStatus init(Run run) {
        long sequence = run.definition.sequence();
        if (!run.spec.requiresInit() || Long.valueOf(sequence).equals(run.status.initDoneSequence)) {
            return StepStatus.SKIPPED;
        }
        ChaincodeSpec.InitCall call =
                run.spec.init() != null ? run.spec.init() : new ChaincodeSpec.InitCall("Init", List.of());
        String first = run.members.get(0);
        try {
            Retries.retry(settings.init(), Retries::isTransientInit, () -> {
                run.fabric.init(first, run.spec.name(), call.function(), call.args());
                return null;
            });
        } catch (RuntimeException e) {
            if (e.getMessage() == null || !e.getMessage().contains("already initialized")) {
                throw new StepFailure("init", first, null, e);
            }
        }
        run.status.initDoneSequence = sequence;
        return StepStatus.SUCCEEDED;
    }

    private StepStatus ready(Run run) {
        run.status.phase = Phase.READY;
        run.status.error = null;
        events.emit(new ChaincodeReady(
                run.spec.name(),
                run.network.network(),
                run.spec.channel(),
                run.spec.version(),
                run.definition.sequence()));
        return StepStatus.SUCCEEDED;
    }

    private void fail(Run run, StepFailure failure) {
        String message = failure.getMessage() == null ? failure.toString() : failure.getMessage();
        String hint = FailureHints.hint(failure.step(), message);
        run.status.phase = Phase.FAILED;
        run.status.error =
                new ChaincodeStatus.Failure(failure.step(), failure.organization(), failure.peer(), message, hint);
        save(run.status);
        LOG.warnf(
                "%s: step %s failed (org %s, peer %s): %s",
                run.spec.name(), failure.step(), failure.organization(), failure.peer(), message);
        events.emit(new ChaincodeFailed(
                run.spec.name(), failure.step(), failure.organization(), failure.peer(), message, hint));
    }

    private ServerLaunch launch(Run run, String mspId) {
        Packaging.Built built = run.packages.get(mspId);
        return new ServerLaunch(
                run.spec,
                mspId,
                run.network.namespace(),
                run.status.org(mspId).address,
                built.chaincodePackage().packageId(),
                built.tls());
    }

    private ChaincodeStatus startStatus(ChaincodeSpec spec, NetworkReady network) {
        ChaincodeStatus status = store.load(spec.name()).orElseGet(ChaincodeStatus::new);
        status.name = spec.name();
        status.network = network.network();
        status.channel = spec.channel();
        status.spec = spec;
        status.phase = Phase.IN_PROGRESS;
        status.error = null;
        status.steps = new ArrayList<>();
        return status;
    }

    private void save(ChaincodeStatus status) {
        status.updatedAt = clock.instant();
        store.save(status);
    }

    private <T> T retrying(Duration timeout, Supplier<T> call) {
        return Retries.retry(timeout, Retries::isTransient, call);
    }

    /** Runs the calls on their own threads and waits for all; the first failure is rethrown as it was. */
    private <T> List<T> inParallel(List<Supplier<T>> calls) {
        if (calls.size() == 1) {
            return List.of(calls.get(0).get());
        }
        List<CompletableFuture<T>> futures = calls.stream()
                .map(call -> CompletableFuture.supplyAsync(call, parallel))
                .toList();
        List<T> results = new ArrayList<>();
        RuntimeException first = null;
        for (CompletableFuture<T> future : futures) {
            try {
                results.add(future.join());
            } catch (CompletionException e) {
                if (first == null) {
                    first = e.getCause() instanceof RuntimeException cause ? cause : e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
        return results;
    }

    @Override
    public void close() {
        parallel.shutdownNow();
    }

    /** The state of one run. */
    private static final class Run {
        final ChaincodeSpec spec;
        final NetworkReady network;
        final ChaincodeStatus status;
        final Map<String, Packaging.Built> packages = new java.util.LinkedHashMap<>();
        LifecycleFabric fabric;
        List<String> members = List.of();
        Optional<ChaincodeDefinition> previous = Optional.empty();
        ChaincodeDefinition definition;

        Run(ChaincodeSpec spec, NetworkReady network, ChaincodeStatus status) {
            this.spec = spec;
            this.network = network;
            this.status = status;
        }

        Map<String, String> packageIds() {
            Map<String, String> ids = new java.util.LinkedHashMap<>();
            packages.forEach(
                    (mspId, built) -> ids.put(mspId, built.chaincodePackage().packageId()));
            return ids;
        }
    }
}
