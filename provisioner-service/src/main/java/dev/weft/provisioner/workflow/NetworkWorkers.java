package dev.weft.provisioner.workflow;

import dev.weft.provisioner.spec.InvalidSpecException;
import dev.weft.provisioner.spec.NetworkSpec;
import dev.weft.provisioner.spec.NetworkSpecs;
import dev.weft.provisioner.status.NetworkStatus;
import dev.weft.provisioner.status.Phase;
import dev.weft.provisioner.status.StatusStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Runs the workflow in the background, one worker per network: submitting the spec of a network whose worker is
 * busy with the same spec returns its current status and starts nothing. REST and the Kafka consumer both submit
 * here.
 *
 * <pre>{@code
 * NetworkWorkers.Submission s = workers.submit(spec);  // returns at once
 * s.status().phase();                                  // PENDING (or the current phase if already running)
 * }</pre>
 */
public final class NetworkWorkers implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(NetworkWorkers.class);

    private final NetworkWorkflow workflow;
    private final NetworkRuntime runtime;
    private final StatusStore store;
    private final Clock clock;
    private final ExecutorService executor;
    private final Map<String, Running> running = new ConcurrentHashMap<>();

    /**
     * The result of a submission.
     *
     * @param status the status to answer with
     * @param started whether a worker was started (false when one was already running the same spec)
     */
    public record Submission(NetworkStatus status, boolean started) {}

    private record Running(String specHash, Future<?> future) {}

    public NetworkWorkers(NetworkWorkflow workflow, NetworkRuntime runtime, StatusStore store, Clock clock) {
        this.workflow = workflow;
        this.runtime = runtime;
        this.store = store;
        this.clock = clock;
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "weft-network-worker");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts provisioning {@code spec} in the background, unless it runs already.
     *
     * @throws RuntimeUnavailableException when the runtime cannot run networks at all (nothing is created)
     * @throws NetworkBusyException when another spec of the same network is being provisioned
     */
    public synchronized Submission submit(NetworkSpec spec) {
        NetworkSpec full = spec.withDefaults();
        runtime.unavailableReason().ifPresent(reason -> {
            throw new RuntimeUnavailableException(reason);
        });
        String hash = SpecHash.of(full);
        Running current = running.get(full.name());
        if (current != null && !current.future().isDone()) {
            if (!current.specHash().equals(hash)) {
                throw new NetworkBusyException(full.name());
            }
            return new Submission(store.find(full.name()).orElseThrow(), false);
        }
        NetworkStatus pending = store.find(full.name())
                .map(s -> s.withPhase(Phase.PENDING, clock.instant()))
                .orElseGet(() -> NetworkStatus.pending(full.name(), runtime.name(), hash, clock.instant()));
        store.save(pending);
        running.put(full.name(), new Running(hash, executor.submit(() -> work(full))));
        return new Submission(pending, true);
    }

    private void work(NetworkSpec spec) {
        try {
            workflow.run(spec);
        } catch (RuntimeException e) {
            LOG.errorf(e, "network %s: the workflow stopped unexpectedly", spec.name());
        }
    }

    /** The status of a network. */
    public Optional<NetworkStatus> status(String network) {
        return store.find(network);
    }

    /** Every network's status. */
    public List<NetworkStatus> all() {
        return store.all();
    }

    /** Whether a worker runs for the network. */
    public boolean isRunning(String network) {
        Running r = running.get(network);
        return r != null && !r.future().isDone();
    }

    /**
     * Stops the network's worker and nodes; keeps the data unless {@code purge}, which removes the network's folder
     * (status included).
     *
     * @throws NetworkNotFoundException when the network is unknown
     */
    public NetworkStatus delete(String network, boolean purge) {
        NetworkStatus status = store.find(network).orElseThrow(() -> new NetworkNotFoundException(network));
        cancel(network);
        store.save(status.withPhase(Phase.DELETING, clock.instant()));
        runtime.delete(NetworkPlan.of(storedSpec(network), workflow.folder(network)), purge);
        NetworkStatus deleted = status.withPhase(Phase.DELETED, clock.instant());
        if (!purge) {
            store.save(deleted);
        }
        return deleted;
    }

    /** Resubmits every network a stopped service left unfinished and no worker runs for yet. */
    public void resumeUnfinished() {
        for (NetworkStatus status : store.all()) {
            if ((status.phase() == Phase.PENDING || status.phase() == Phase.PROVISIONING)
                    && !isRunning(status.network())) {
                LOG.infof("network %s was %s when the service stopped; resuming", status.network(), status.phase());
                try {
                    submit(storedSpec(status.network()));
                } catch (RuntimeException e) {
                    LOG.errorf("network %s cannot be resumed: %s", status.network(), e.getMessage());
                }
            }
        }
    }

    /** The spec last accepted for a network. */
    public NetworkSpec storedSpec(String network) {
        try {
            return NetworkSpecs.parse(Files.readString(workflow.folder(network).spec(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the spec of " + network, e);
        } catch (InvalidSpecException e) {
            throw new IllegalStateException("the stored spec of " + network + " is invalid: " + e.getMessage(), e);
        }
    }

    private void cancel(String network) {
        Running r = running.remove(network);
        if (r != null) {
            r.future().cancel(true);
        }
    }

    /** Stops every worker abruptly: unfinished networks stay {@code PROVISIONING} and resume on the next start. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
