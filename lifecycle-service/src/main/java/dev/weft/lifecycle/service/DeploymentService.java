package dev.weft.lifecycle.service;

import dev.weft.events.NetworkReady;
import dev.weft.lifecycle.runtime.ChaincodeRuntime;
import dev.weft.lifecycle.spec.ChaincodeSpec;
import dev.weft.lifecycle.spec.ChaincodeSpecValidator;
import dev.weft.lifecycle.workflow.ChaincodeStatus;
import dev.weft.lifecycle.workflow.ChaincodeStatus.Phase;
import dev.weft.lifecycle.workflow.DeploymentWorkflow;
import dev.weft.lifecycle.workflow.StatusStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Accepts chaincode specs from REST and Kafka and runs their workflows in the background, one at a time per
 * chaincode (different chaincodes in parallel). A spec for a network that has not announced itself waits for its
 * {@code NetworkReady}; deployments interrupted by a restart resume on {@link #resumeAll()}.
 *
 * <pre>{@code
 * ChaincodeStatus accepted = service.submit(spec);        // returns at once, phase IN_PROGRESS or WAITING_FOR_NETWORK
 * service.onNetworkReady(networkReady, List.of(marbles)); // records the network, deploys what waits for it
 * }</pre>
 */
public final class DeploymentService implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DeploymentService.class);

    private final DeploymentWorkflow workflow;
    private final StatusStore store;
    private final NetworkRegistry networks;
    private final ChaincodeRuntime runtime;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "lifecycle-workflow");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, CompletableFuture<ChaincodeStatus>> tails = new ConcurrentHashMap<>();

    public DeploymentService(
            DeploymentWorkflow workflow, StatusStore store, NetworkRegistry networks, ChaincodeRuntime runtime) {
        this.workflow = workflow;
        this.store = store;
        this.networks = networks;
        this.runtime = runtime;
    }

    /**
     * Validates {@code spec} (against its network too, once that is known) and starts (or queues) its deployment;
     * {@link dev.weft.lifecycle.spec.InvalidSpecException} when invalid, and then nothing is recorded.
     */
    public ChaincodeStatus submit(ChaincodeSpec spec) {
        ChaincodeSpec valid = ChaincodeSpecValidator.requireValid(spec);
        Optional<NetworkReady> network = networks.get(valid.network());
        network.ifPresent(ready -> ChaincodeSpecValidator.requireFits(valid, ready));
        ChaincodeStatus status = store.load(valid.name()).orElseGet(ChaincodeStatus::new);
        status.name = valid.name();
        status.network = valid.network();
        status.channel = valid.channel();
        status.spec = valid;
        status.error = null;
        status.phase = network.isPresent() ? Phase.IN_PROGRESS : Phase.WAITING_FOR_NETWORK;
        status.updatedAt = java.time.Instant.now();
        store.save(status);
        network.ifPresent(ready -> schedule(valid, ready));
        return status;
    }

    /** Upgrades {@code name} to {@code newSpec}, or to {@code version} of its current spec. */
    public Optional<ChaincodeStatus> upgrade(String name, String version, ChaincodeSpec newSpec) {
        Optional<ChaincodeStatus> current = store.load(name);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        ChaincodeSpec next = newSpec != null ? newSpec : current.get().spec.withVersion(version);
        return Optional.of(submit(next));
    }

    /**
     * Records the network and deploys the chaincodes waiting for it plus {@code automatic}. Chaincodes already READY on
     * it stay as they are, except that servers stopped together with the network (as {@code ./weft down} does) start
     * again: a re-announced network with everything running deploys nothing and publishes no event.
     */
    public void onNetworkReady(NetworkReady network, List<ChaincodeSpec> automatic) {
        networks.put(network);
        for (ChaincodeStatus status : store.list()) {
            if (network.network().equals(status.network)
                    && (status.phase == Phase.WAITING_FOR_NETWORK || status.phase == Phase.IN_PROGRESS)) {
                schedule(status.spec, network);
            }
        }
        reviveStoppedServers();
        for (ChaincodeSpec spec : automatic) {
            if (store.load(spec.name())
                    .map(s -> network.network().equals(s.network))
                    .orElse(false)) {
                continue; // deployed (or being deployed) on this network already: handled above
            }
            submit(spec);
        }
    }

    /** Resumes the deployments a previous process left unfinished. */
    public void resumeAll() {
        for (ChaincodeStatus status : store.list()) {
            if (status.phase == Phase.IN_PROGRESS) {
                networks.get(status.network).ifPresent(network -> {
                    LOG.infof("resuming the deployment of %s at step %s", status.name, status.step);
                    schedule(status.spec, network);
                });
            }
        }
    }

    /**
     * Starts again the servers of ready chaincodes whose process stopped (crashed or killed): re-runs the chaincode's
     * workflow, which finds the package installed, approved and committed, and only starts the missing servers. The
     * local runtime has no supervisor of its own, unlike a Kubernetes Deployment, so {@link ServerSupervisor} calls
     * this periodically.
     *
     * @return the chaincodes whose servers are being started again
     */
    public synchronized List<String> reviveStoppedServers() {
        List<String> revived = new java.util.ArrayList<>();
        for (ChaincodeStatus status : store.list()) {
            if (status.phase != Phase.READY || busy(status.name)) {
                continue;
            }
            List<String> stopped = status.organizations.entrySet().stream()
                    .filter(org -> org.getValue().packageId != null
                            && !runtime.isServing(status.name, org.getKey(), org.getValue().packageId))
                    .map(Map.Entry::getKey)
                    .toList();
            Optional<NetworkReady> network = networks.get(status.network);
            if (stopped.isEmpty() || network.isEmpty()) {
                continue;
            }
            LOG.warnf("%s: the chaincode server of %s stopped; starting it again", status.name, stopped);
            schedule(status.spec, network.get());
            revived.add(status.name);
        }
        return revived;
    }

    /** Stops the chaincode's servers; the committed definition stays on the channel. */
    public synchronized Optional<ChaincodeStatus> delete(String name) {
        Optional<ChaincodeStatus> status = store.load(name);
        status.ifPresent(found -> {
            await(name);
            // A network the service no longer knows leaves the namespace open; the runtime then uses its own.
            String namespace =
                    networks.get(found.network).map(NetworkReady::namespace).orElse(null);
            runtime.stopAll(name, namespace);
            found.phase = Phase.DELETED;
            found.organizations.values().forEach(org -> org.serverReady = false);
            found.updatedAt = java.time.Instant.now();
            store.save(found);
        });
        return status;
    }

    /** The status of {@code name}. */
    public Optional<ChaincodeStatus> status(String name) {
        return store.load(name);
    }

    /** Every status. */
    public List<ChaincodeStatus> statuses() {
        return store.list();
    }

    /** Waits for the runs of {@code name} queued so far (for tests and DELETE). */
    public void await(String name) {
        CompletableFuture<ChaincodeStatus> tail = tails.get(name);
        if (tail != null) {
            tail.exceptionally(e -> null).join();
        }
    }

    private boolean busy(String name) {
        CompletableFuture<ChaincodeStatus> tail = tails.get(name);
        return tail != null && !tail.isDone();
    }

    private void schedule(ChaincodeSpec spec, NetworkReady network) {
        tails.compute(spec.name(), (name, previous) -> {
            CompletableFuture<?> before = previous == null ? CompletableFuture.completedFuture(null) : previous;
            return before.exceptionally(e -> null).thenApplyAsync(ignored -> workflow.run(spec, network), executor);
        });
    }

    @Override
    public void close() {
        executor.shutdownNow();
        workflow.close();
    }
}
