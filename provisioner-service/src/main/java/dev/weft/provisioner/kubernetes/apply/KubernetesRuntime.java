package dev.weft.provisioner.kubernetes.apply;

import dev.weft.provisioner.kubernetes.model.ModelLabels;
import dev.weft.provisioner.kubernetes.model.NetworkMaterial;
import dev.weft.provisioner.kubernetes.model.NetworkModel;
import dev.weft.provisioner.spec.InvalidSpecException;
import dev.weft.provisioner.spec.NetworkSpec;
import dev.weft.provisioner.spec.SpecValidator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Runs a network on Kubernetes: applies its model in dependency order, removes what the spec no longer has, waits
 * until its nodes are ready, and deletes it. Every call converges, so any step can be re-run.
 *
 * <pre>{@code
 * KubernetesRuntime runtime = new KubernetesRuntime(client);          // server-side apply
 * NetworkModel model = NetworkModel.from(spec, material);
 * ApplyReport report = runtime.apply(model);                          // Namespace → Secrets → ConfigMaps → PVCs
 *                                                                     // → Services → StatefulSets → Deployments
 * runtime.awaitReady(model, Duration.ofMinutes(5));                   // throws NodesNotReadyException
 * runtime.delete(model.namespace(), spec.name(), false);              // keeps PVCs (and the Namespace)
 * }</pre>
 */
public final class KubernetesRuntime {

    private static final Logger LOG = Logger.getLogger(KubernetesRuntime.class);

    private final ResourceOperators ops;
    private final ReadinessCheck readiness;
    private final Duration pollInterval;

    /** Server-side apply, readiness from the workloads' status, polled every 2 seconds. */
    public KubernetesRuntime(KubernetesClient client) {
        this(client, ApplyMode.SERVER_SIDE_APPLY, ReadinessCheck.workloads(), Duration.ofSeconds(2));
    }

    public KubernetesRuntime(KubernetesClient client, ApplyMode mode, ReadinessCheck readiness, Duration pollInterval) {
        this.ops = new ResourceOperators(client, mode);
        this.readiness = Objects.requireNonNull(readiness, "readiness");
        this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
    }

    /** The per-kind operators, for callers that need one object. */
    public ResourceOperators operators() {
        return ops;
    }

    /**
     * Validates the spec, then applies its model; an invalid spec touches nothing.
     *
     * @throws InvalidSpecException naming every field at fault
     */
    public ApplyReport apply(NetworkSpec spec, NetworkMaterial material) throws InvalidSpecException {
        return apply(NetworkModel.from(SpecValidator.requireValid(spec), material));
    }

    /** Applies every object of the model in dependency order, then deletes the network's objects it lacks. */
    public ApplyReport apply(NetworkModel model) {
        String ns = model.namespace();
        List<ResourceChange> changes = new ArrayList<>();
        if (model.namespaceObject() != null) {
            changes.add(apply(ops.namespaces, null, model.namespaceObject()));
        }
        model.secrets().forEach(o -> changes.add(apply(ops.secrets, ns, o)));
        model.configMaps().forEach(o -> changes.add(apply(ops.configMaps, ns, o)));
        model.persistentVolumeClaims().forEach(o -> changes.add(apply(ops.persistentVolumeClaims, ns, o)));
        model.services().forEach(o -> changes.add(apply(ops.services, ns, o)));
        model.statefulSets().forEach(o -> changes.add(apply(ops.statefulSets, ns, o)));
        model.deployments().forEach(o -> changes.add(apply(ops.deployments, ns, o)));
        changes.addAll(pruneOrphans(model));
        ApplyReport report = new ApplyReport(changes);
        LOG.infof(
                "applied network %s in %s: %s",
                model.spec().name(),
                ns,
                report.with(ReconcileResult.CREATED, ReconcileResult.UPDATED, ReconcileResult.DELETED));
        return report;
    }

    private static <T extends HasMetadata> ResourceChange apply(ResourceOperator<T> op, String ns, T desired) {
        String name = desired.getMetadata().getName();
        return new ResourceChange(desired.getKind(), name, op.reconcile(ns, name, desired));
    }

    /**
     * Deletes, workloads first, the network's objects the model no longer has (a removed peer, a CA turned off).
     * PersistentVolumeClaims stay: their data outlives the spec until a purge.
     */
    private List<ResourceChange> pruneOrphans(NetworkModel model) {
        String ns = model.namespace();
        Map<String, String> selector = ModelLabels.networkSelector(model.spec().name());
        List<ResourceChange> changes = new ArrayList<>();
        changes.addAll(ops.deployments.prune(ns, selector, names(model.deployments())));
        changes.addAll(ops.statefulSets.prune(ns, selector, names(model.statefulSets())));
        changes.addAll(ops.services.prune(ns, selector, names(model.services())));
        changes.addAll(ops.configMaps.prune(ns, selector, names(model.configMaps())));
        changes.addAll(ops.secrets.prune(ns, selector, names(model.secrets())));
        return changes;
    }

    private static Set<String> names(List<? extends HasMetadata> objects) {
        return objects.stream().map(o -> o.getMetadata().getName()).collect(Collectors.toSet());
    }

    /**
     * Deletes every object of the network, found by its labels, workloads first. Without {@code purge} the
     * PersistentVolumeClaims (ledgers, CA databases) and the Namespace stay; with it they go too, the Namespace only
     * if the provisioner created it for this network.
     */
    public ApplyReport delete(String namespace, String network, boolean purge) {
        Map<String, String> selector = ModelLabels.networkSelector(network);
        Set<String> none = Set.of();
        List<ResourceChange> changes = new ArrayList<>();
        changes.addAll(ops.deployments.prune(namespace, selector, none));
        changes.addAll(ops.statefulSets.prune(namespace, selector, none));
        changes.addAll(ops.services.prune(namespace, selector, none));
        changes.addAll(ops.configMaps.prune(namespace, selector, none));
        changes.addAll(ops.secrets.prune(namespace, selector, none));
        if (purge) {
            changes.addAll(ops.persistentVolumeClaims.prune(namespace, selector, none));
            Namespace ns = ops.namespaces.get(null, namespace);
            if (ns != null
                    && ns.getMetadata().getLabels() != null
                    && network.equals(ns.getMetadata().getLabels().get(ModelLabels.NETWORK))) {
                changes.add(
                        new ResourceChange("Namespace", namespace, ops.namespaces.reconcile(null, namespace, null)));
            }
        }
        LOG.infof("deleted network %s in %s (purge %s): %d objects", network, namespace, purge, changes.size());
        return new ApplyReport(changes);
    }

    /**
     * Whether every object of the model exists and holds what the model sets (server defaults aside), and nothing
     * the model lacks is left over: a re-run of {@link #apply(NetworkModel)} would change nothing.
     */
    public boolean isApplied(NetworkModel model) {
        String ns = model.namespace();
        boolean present = (model.namespaceObject() == null || ops.namespaces.isUpToDate(null, model.namespaceObject()))
                && model.secrets().stream().allMatch(o -> ops.secrets.isUpToDate(ns, o))
                && model.configMaps().stream().allMatch(o -> ops.configMaps.isUpToDate(ns, o))
                && model.persistentVolumeClaims().stream().allMatch(o -> ops.persistentVolumeClaims.isUpToDate(ns, o))
                && model.services().stream().allMatch(o -> ops.services.isUpToDate(ns, o))
                && model.statefulSets().stream().allMatch(o -> ops.statefulSets.isUpToDate(ns, o))
                && model.deployments().stream().allMatch(o -> ops.deployments.isUpToDate(ns, o));
        return present && orphans(model).isEmpty();
    }

    private List<String> orphans(NetworkModel model) {
        String ns = model.namespace();
        Map<String, String> selector = ModelLabels.networkSelector(model.spec().name());
        List<String> orphans = new ArrayList<>();
        orphans.addAll(extra(ops.deployments.list(ns, selector), model.deployments()));
        orphans.addAll(extra(ops.statefulSets.list(ns, selector), model.statefulSets()));
        orphans.addAll(extra(ops.services.list(ns, selector), model.services()));
        orphans.addAll(extra(ops.configMaps.list(ns, selector), model.configMaps()));
        orphans.addAll(extra(ops.secrets.list(ns, selector), model.secrets()));
        return orphans;
    }

    private static List<String> extra(List<? extends HasMetadata> live, List<? extends HasMetadata> desired) {
        Set<String> keep = names(desired);
        return live.stream()
                .map(o -> o.getMetadata().getName())
                .filter(n -> !keep.contains(n))
                .toList();
    }

    /** Whether every StatefulSet and Deployment of the model is ready now. */
    public boolean isReady(NetworkModel model) {
        return notReady(model).isEmpty();
    }

    /** {@code Kind/name} of each StatefulSet or Deployment of the model that is missing or not ready now. */
    public List<String> notReady(NetworkModel model) {
        String ns = model.namespace();
        List<String> waiting = new ArrayList<>();
        model.statefulSets().forEach(s -> check(ops.statefulSets, ns, s, waiting));
        model.deployments().forEach(d -> check(ops.deployments, ns, d, waiting));
        return waiting;
    }

    private <T extends HasMetadata> void check(ResourceOperator<T> op, String ns, T desired, List<String> waiting) {
        T live = op.get(ns, desired.getMetadata().getName());
        if (live == null || !readiness.isReady(live)) {
            waiting.add(desired.getKind() + "/" + desired.getMetadata().getName());
        }
    }

    /**
     * Polls until every StatefulSet and Deployment of the model is ready.
     *
     * @throws NodesNotReadyException naming the workloads still not ready at the deadline
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public void awaitReady(NetworkModel model, Duration timeout) throws NodesNotReadyException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            List<String> waiting = notReady(model);
            if (waiting.isEmpty()) {
                return;
            }
            if (!Instant.now().isBefore(deadline)) {
                throw new NodesNotReadyException(waiting, timeout);
            }
            LOG.debugf("waiting for %s", waiting);
            Thread.sleep(Math.max(
                    1,
                    Math.min(
                            pollInterval.toMillis(),
                            Duration.between(Instant.now(), deadline).toMillis())));
        }
    }
}
