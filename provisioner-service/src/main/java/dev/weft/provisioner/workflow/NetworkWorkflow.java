package dev.weft.provisioner.workflow;

import dev.weft.events.EventData;
import dev.weft.events.NetworkFailed;
import dev.weft.events.NetworkReady;
import dev.weft.events.NetworkRequested;
import dev.weft.events.NetworkStepProgressed;
import dev.weft.events.StepStatus;
import dev.weft.fabric.admin.channel.GenesisBlockBuilder;
import dev.weft.fabric.admin.crypto.CryptoMaterial;
import dev.weft.fabric.admin.crypto.CryptoStore;
import dev.weft.fabric.admin.crypto.OrgMaterial;
import dev.weft.fabric.admin.crypto.Pem;
import dev.weft.provisioner.spec.ChannelSpec;
import dev.weft.provisioner.spec.FabricNode;
import dev.weft.provisioner.spec.NetworkNaming;
import dev.weft.provisioner.spec.NetworkSpec;
import dev.weft.provisioner.spec.NetworkSpecs;
import dev.weft.provisioner.spec.PeerOrgSpec;
import dev.weft.provisioner.status.NetworkStatus;
import dev.weft.provisioner.status.Phase;
import dev.weft.provisioner.status.StatusStore;
import dev.weft.provisioner.status.StepCondition;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Provisions one network as a chain of named steps. Each step first checks whether its work is done already (then
 * it is {@code SKIPPED}), else does it; every transition is published as a {@code weft.network} event and written to
 * the network's status. A re-run of the same spec after success skips every step; after a crash it skips what was
 * done and continues at the first unfinished step. Key material is generated once and reused.
 *
 * <pre>{@code
 * NetworkWorkflow workflow = new NetworkWorkflow(runtime, admin, store, events, meters, Clock.systemUTC(), timeouts);
 * NetworkStatus status = workflow.run(NetworkSpec.defaults("demo")); // phase READY, or FAILED with lastError
 * }</pre>
 */
public final class NetworkWorkflow {

    public static final String CRYPTO = "crypto";
    public static final String RUNTIME_APPLY = "runtime-apply";
    public static final String NODES_READY = "nodes-ready";
    public static final String GENESIS = "genesis";
    public static final String ORDERERS_JOIN = "orderers-join";
    public static final String PEERS_JOIN = "peers-join";
    public static final String READY = "ready";

    /** The steps in the order they run. */
    public static final List<String> STEPS =
            List.of(CRYPTO, RUNTIME_APPLY, NODES_READY, GENESIS, ORDERERS_JOIN, PEERS_JOIN, READY);

    private static final Logger LOG = Logger.getLogger(NetworkWorkflow.class);

    private final NetworkRuntime runtime;
    private final AdminOperations admin;
    private final StatusStore store;
    private final NetworkEvents events;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Timeouts timeouts;

    /**
     * How long the waiting steps may take.
     *
     * @param nodesReady until every node is healthy
     * @param join how long a refused join is retried (a node that has just started may refuse for a moment)
     */
    public record Timeouts(Duration nodesReady, Duration join) {}

    public NetworkWorkflow(
            NetworkRuntime runtime,
            AdminOperations admin,
            StatusStore store,
            NetworkEvents events,
            MeterRegistry meters,
            Clock clock,
            Timeouts timeouts) {
        this.runtime = runtime;
        this.admin = admin;
        this.store = store;
        this.events = events;
        this.meters = meters;
        this.clock = clock;
        this.timeouts = timeouts;
    }

    /** The folder of a network. */
    public NetworkFolder folder(String network) {
        return NetworkFolder.of(store.root(), network);
    }

    /** Runs every step for {@code spec} (defaults applied) and returns the final status. */
    public NetworkStatus run(NetworkSpec spec) {
        Run run = begin(spec.withDefaults());
        for (Step step : steps()) {
            if (!execute(run, step)) {
                return run.status;
            }
        }
        return run.status;
    }

    private List<Step> steps() {
        return List.of(
                new Step(CRYPTO, this::cryptoDone, this::crypto),
                new Step(RUNTIME_APPLY, this::runtimeApplied, this::runtimeApply),
                new Step(NODES_READY, this::nodesReadyNow, this::nodesReady),
                new Step(GENESIS, this::genesisDone, this::genesis),
                new Step(ORDERERS_JOIN, this::orderersJoined, this::orderersJoin),
                new Step(PEERS_JOIN, this::peersJoined, this::peersJoin),
                new Step(READY, this::alreadyReady, this::ready));
    }

    // ---- the steps ------------------------------------------------------------------------------------------------

    /** Reuses a complete crypto tree. */
    private Optional<String> cryptoDone(Run run) {
        if (!Files.isDirectory(run.plan.folder().crypto())) {
            return Optional.empty();
        }
        CryptoMaterial crypto = CryptoStore.load(run.plan.folder().crypto(), NetworkTopology.of(run.plan.naming()));
        run.plan = run.plan.withCrypto(crypto);
        return Optional.of("reused the crypto material in " + run.plan.folder().crypto());
    }

    /** Generates what the crypto tree lacks; keys that exist are kept. */
    private String crypto(Run run) {
        CryptoMaterial crypto =
                CryptoStore.loadOrGenerate(run.plan.folder().crypto(), NetworkTopology.of(run.plan.naming()));
        run.plan = run.plan.withCrypto(crypto);
        return "wrote MSP and TLS material for " + crypto.orgs().size() + " orgs to "
                + run.plan.folder().crypto();
    }

    /** Every node already runs. */
    private Optional<String> runtimeApplied(Run run) {
        return runtime.isApplied(run.plan)
                ? Optional.of("every node already runs on " + runtime.name())
                : Optional.empty();
    }

    /** Creates or starts the missing nodes. */
    private String runtimeApply(Run run) {
        runtime.apply(run.plan);
        return "applied " + run.plan.naming().nodes().size() + " nodes on " + runtime.name();
    }

    /** Every node already reports healthy. */
    private Optional<String> nodesReadyNow(Run run) {
        return runtime.isReady(run.plan) ? Optional.of("every node is healthy") : Optional.empty();
    }

    /** Waits for every node's health check. */
    private String nodesReady(Run run) {
        runtime.awaitReady(run.plan, timeouts.nodesReady());
        return "every node is healthy";
    }

    /** Every channel's genesis block exists: reuse it, orderers that joined with it need the same bytes. */
    private Optional<String> genesisDone(Run run) {
        for (ChannelSpec channel : run.plan.spec().channels()) {
            Path file = run.plan.folder().genesisBlock(channel.name());
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            run.blocks.put(channel.name(), read(file));
        }
        return Optional.of("reused the genesis blocks of " + run.blocks.keySet());
    }

    /** Builds and stores the missing genesis blocks. */
    private String genesis(Run run) {
        List<String> built = new ArrayList<>();
        for (ChannelSpec channel : run.plan.spec().channels()) {
            Path file = run.plan.folder().genesisBlock(channel.name());
            if (!Files.isRegularFile(file)) {
                write(file, GenesisBlockBuilder.create().buildBytes(ChannelProfiles.of(run.plan, runtime, channel)));
                built.add(channel.name());
            }
            run.blocks.put(channel.name(), read(file));
        }
        return "built the genesis blocks of " + built;
    }

    /** Every orderer serves every channel. */
    private Optional<String> orderersJoined(Run run) {
        for (FabricNode orderer : run.plan.naming().orderers()) {
            if (!admin.ordererChannels(ordererTarget(run, orderer)).containsAll(run.blocks.keySet())) {
                return Optional.empty();
            }
        }
        return Optional.of("every orderer serves " + run.blocks.keySet());
    }

    /** Joins each orderer to each channel it lacks (osnadmin). */
    private String orderersJoin(Run run) {
        List<String> joined = new ArrayList<>();
        for (FabricNode orderer : run.plan.naming().orderers()) {
            AdminOperations.Target target = ordererTarget(run, orderer);
            List<String> has = admin.ordererChannels(target);
            for (Map.Entry<String, byte[]> channel : run.blocks.entrySet()) {
                if (!has.contains(channel.getKey())) {
                    retry(target + " join " + channel.getKey(), () -> {
                        admin.joinOrderer(target, channel.getValue());
                        return null;
                    });
                    joined.add(orderer.name() + "→" + channel.getKey());
                }
            }
        }
        return "joined " + joined;
    }

    /** Every member peer has joined its channels. */
    private Optional<String> peersJoined(Run run) {
        for (ChannelSpec channel : run.plan.spec().channels()) {
            for (FabricNode peer : memberPeers(run.plan.naming(), channel)) {
                if (!admin.peerChannels(peerTarget(run, peer)).contains(channel.name())) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of("every peer has joined its channels");
    }

    /** Joins each member peer to each channel it lacks (cscc JoinChain). */
    private String peersJoin(Run run) {
        List<String> joined = new ArrayList<>();
        for (ChannelSpec channel : run.plan.spec().channels()) {
            for (FabricNode peer : memberPeers(run.plan.naming(), channel)) {
                AdminOperations.Target target = peerTarget(run, peer);
                if (!admin.peerChannels(target).contains(channel.name())) {
                    retry(target + " join " + channel.name(), () -> {
                        admin.joinPeer(target, run.blocks.get(channel.name()));
                        return null;
                    });
                    joined.add(peer.name() + "→" + channel.name());
                }
            }
        }
        return "joined " + joined;
    }

    /** The same spec was ready already. */
    private Optional<String> alreadyReady(Run run) {
        // The phase may have been reset to PENDING by the submission; the facts of a past success remain.
        return run.previous
                .filter(s -> s.connection() != null && run.specHash.equals(s.specHash()))
                .map(s -> "was ready already with this spec");
    }

    /** Publishes the connection facts. */
    private String ready(Run run) {
        return "network " + run.plan.name() + " is ready";
    }

    // ---- running a step -------------------------------------------------------------------------------------------

    private boolean execute(Run run, Step step) {
        Instant started = clock.instant();
        Optional<String> done = alreadyDone(run, step);
        if (done.isPresent()) {
            finish(run, StepCondition.started(step.name(), started), StepStatus.SKIPPED, done.get());
            return true;
        }
        StepCondition condition = StepCondition.started(step.name(), started);
        run.update(run.status.withCondition(condition, started));
        publish(new NetworkStepProgressed(run.plan.name(), step.name(), StepStatus.STARTED, null, null));
        try {
            finish(run, condition, StepStatus.SUCCEEDED, step.action().apply(run));
            return true;
        } catch (RuntimeException e) {
            fail(run, condition, e);
            return false;
        }
    }

    /** The step's check; a check that cannot tell (node unreachable, files unreadable) means "not done". */
    private Optional<String> alreadyDone(Run run, Step step) {
        try {
            return step.done().apply(run);
        } catch (RuntimeException e) {
            LOG.debugf("network %s: cannot tell whether %s is done (%s); running it", run.plan.name(), step.name(), e);
            return Optional.empty();
        }
    }

    private void finish(Run run, StepCondition condition, StepStatus outcome, String message) {
        Instant now = clock.instant();
        StepCondition done = condition.finished(outcome, message, now);
        run.update(run.status.withCondition(done, now));
        record(done);
        publish(new NetworkStepProgressed(run.plan.name(), done.step(), outcome, message, done.durationMillis()));
        LOG.infof("network %s: %s %s: %s", run.plan.name(), done.step(), outcome, message);
        if (done.step().equals(READY)) {
            NetworkReady facts = readyFacts(run);
            run.update(run.status.ready(facts, now));
            publish(facts);
        }
    }

    private void fail(Run run, StepCondition condition, RuntimeException e) {
        Instant now = clock.instant();
        String error = describe(e);
        String hint = e instanceof RuntimeStepException r && r.hint() != null
                ? r.hint()
                : "fix the cause and submit the same spec again: the workflow resumes at " + condition.step();
        StepCondition failed = condition.finished(StepStatus.FAILED, error, now);
        run.update(run.status.withCondition(failed, now).failed(error, now));
        record(failed);
        meters.counter("weft.provisioner.step.failures", "step", failed.step()).increment();
        publish(new NetworkStepProgressed(
                run.plan.name(), failed.step(), StepStatus.FAILED, error, failed.durationMillis()));
        publish(new NetworkFailed(run.plan.name(), failed.step(), error, hint));
        LOG.errorf("network %s: %s failed: %s", run.plan.name(), failed.step(), error);
    }

    private void record(StepCondition c) {
        Timer.builder("weft.provisioner.step.duration")
                .description("Duration of provisioning steps")
                .tag("step", c.step())
                .tag("outcome", c.status().name().toLowerCase(java.util.Locale.ROOT))
                .register(meters)
                .record(Duration.ofMillis(c.durationMillis()));
    }

    private static String describe(RuntimeException e) {
        String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        return e instanceof RuntimeStepException ? message : e.getClass().getSimpleName() + ": " + message;
    }

    private void publish(EventData event) {
        events.publish(event);
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private Run begin(NetworkSpec spec) {
        Instant now = clock.instant();
        NetworkFolder folder = folder(spec.name());
        String hash = SpecHash.of(spec);
        Optional<NetworkStatus> previous = store.find(spec.name());
        NetworkStatus status = previous.map(s -> s.restarted(runtime.name(), hash, now))
                .orElseGet(() -> NetworkStatus.pending(spec.name(), runtime.name(), hash, now)
                        .withPhase(Phase.PROVISIONING, now));
        write(folder.spec(), NetworkSpecs.toYaml(spec).getBytes(StandardCharsets.UTF_8));
        Run run = new Run(NetworkPlan.of(spec, folder), previous, hash, status);
        store.save(status);
        runtime.notes(run.plan).forEach(note -> run.note(note, now));
        publish(requested(run.plan));
        return run;
    }

    private NetworkRequested requested(NetworkPlan plan) {
        List<String> orgs = new ArrayList<>();
        orgs.add(plan.spec().ordererOrg().mspId());
        plan.spec().peerOrgs().forEach(o -> orgs.add(o.mspId()));
        return new NetworkRequested(
                plan.name(),
                runtime.name(),
                namespace(plan),
                orgs,
                plan.spec().channels().stream().map(ChannelSpec::name).toList());
    }

    private String namespace(NetworkPlan plan) {
        return "local".equals(runtime.name()) ? null : plan.naming().namespace();
    }

    private NetworkReady readyFacts(Run run) {
        NetworkPlan plan = run.plan;
        List<NetworkReady.Orderer> orderers = plan.naming().orderers().stream()
                .map(o -> new NetworkReady.Orderer(
                        o.name(),
                        runtime.clientAddress(plan, o).toString(),
                        runtime.adminAddress(plan, o).toString(),
                        o.name(),
                        pem(plan.org(o.mspId()))))
                .toList();
        List<NetworkReady.Organization> orgs = new ArrayList<>();
        for (PeerOrgSpec org : plan.spec().peerOrgs()) {
            Optional<NodeAddress> ca = plan.naming().cas().stream()
                    .filter(c -> c.org().equals(org.name()))
                    .findFirst()
                    .flatMap(c -> runtime.caAddress(plan, c));
            orgs.add(new NetworkReady.Organization(
                    org.mspId(),
                    pem(plan.org(org.mspId())),
                    runtime.adminIdentity(plan, org.mspId()),
                    ca.map(NodeAddress::toString).orElse(null),
                    plan.naming().peers(org).stream()
                            .map(p -> new NetworkReady.Peer(
                                    p.name(), runtime.clientAddress(plan, p).toString(), p.name()))
                            .toList()));
        }
        return new NetworkReady(
                plan.name(),
                runtime.name(),
                namespace(plan),
                plan.spec().channels().stream().map(ChannelSpec::name).toList(),
                orderers,
                orgs);
    }

    private static String pem(OrgMaterial org) {
        return new String(Pem.certificate(org.tlsCa().certificate()), StandardCharsets.US_ASCII);
    }

    private AdminOperations.Target ordererTarget(Run run, FabricNode orderer) {
        OrgMaterial org = run.plan.org(orderer.mspId());
        return new AdminOperations.Target(
                orderer.name(),
                runtime.adminAddress(run.plan, orderer),
                org.tlsCa().certificate(),
                org.admin());
    }

    private AdminOperations.Target peerTarget(Run run, FabricNode peer) {
        OrgMaterial org = run.plan.org(peer.mspId());
        return new AdminOperations.Target(
                peer.name(), runtime.clientAddress(run.plan, peer), org.tlsCa().certificate(), org.admin());
    }

    private static List<FabricNode> memberPeers(NetworkNaming naming, ChannelSpec channel) {
        return channel.orgs().stream()
                .flatMap(org -> naming.peers(naming.spec().peerOrg(org)).stream())
                .toList();
    }

    /** Retries a join refused by a node that has only just started, until the join timeout. */
    private <T> T retry(String what, Supplier<T> call) {
        Instant deadline = clock.instant().plus(timeouts.join());
        while (true) {
            try {
                return call.get();
            } catch (RuntimeException e) {
                if (!clock.instant().isBefore(deadline)) {
                    throw e;
                }
                LOG.debugf("%s refused (%s); retrying", what, e.getMessage());
                sleep(500);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Writes through a temporary file so that a crash never leaves half a file. */
    static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** A named step: its check and its work; each returns the message for the status and the event. */
    private record Step(
            String name,
            java.util.function.Function<Run, Optional<String>> done,
            java.util.function.Function<Run, String> action) {}

    /** The state of one run of the workflow. */
    private final class Run {
        NetworkPlan plan;
        final Optional<NetworkStatus> previous;
        final String specHash;
        NetworkStatus status;
        final Map<String, byte[]> blocks = new LinkedHashMap<>();

        Run(NetworkPlan plan, Optional<NetworkStatus> previous, String specHash, NetworkStatus status) {
            this.plan = plan;
            this.previous = previous;
            this.specHash = specHash;
            this.status = status;
        }

        void update(NetworkStatus next) {
            status = next;
            store.save(next);
        }

        void note(String note, Instant now) {
            update(status.withNote(note, now));
        }
    }
}
