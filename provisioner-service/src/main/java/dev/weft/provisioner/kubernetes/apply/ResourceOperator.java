package dev.weft.provisioner.kubernetes.apply;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NamespaceableResource;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Applies or deletes objects of one kind: {@link #reconcile} takes the desired object, or {@code null} to delete it.
 * Subclasses only say where the objects live ({@link #resource}, {@link #list}).
 *
 * <pre>{@code
 * ReconcileResult r = operators.secrets().reconcile("marbles", "org1-peer0-msp", secret); // CREATED
 * operators.secrets().reconcile("marbles", "org1-peer0-msp", null);                       // DELETED
 * }</pre>
 *
 * @param <T> the kind
 */
public abstract class ResourceOperator<T extends HasMetadata> {

    /** Field manager of every server-side apply. */
    public static final String FIELD_MANAGER = "weft-provisioner";

    private static final Logger LOG = Logger.getLogger(ResourceOperator.class);

    protected final KubernetesClient client;
    private final ApplyMode mode;

    protected ResourceOperator(KubernetesClient client, ApplyMode mode) {
        this.client = Objects.requireNonNull(client, "client");
        this.mode = Objects.requireNonNull(mode, "mode");
    }

    /** The object at namespace/name ({@code namespace} is ignored for cluster-scoped kinds). */
    protected abstract Resource<T> resource(String namespace, String name);

    /** The objects in the namespace carrying all the labels. */
    public abstract List<T> list(String namespace, Map<String, String> labels);

    /** The live object, or {@code null}. */
    public T get(String namespace, String name) {
        return resource(namespace, name).get();
    }

    /** Whether the live object exists and already holds everything {@code desired} sets. */
    public boolean isUpToDate(String namespace, T desired) {
        T current = get(namespace, desired.getMetadata().getName());
        return current != null && LiveState.contains(toJson(current), toJson(desired));
    }

    /**
     * Makes the live object match {@code desired}, or deletes it when {@code desired} is {@code null}.
     *
     * @throws io.fabric8.kubernetes.client.KubernetesClientException when the API server refuses
     */
    public ReconcileResult reconcile(String namespace, String name, T desired) {
        T current = get(namespace, name);
        if (desired == null) {
            if (current == null) {
                return ReconcileResult.ABSENT;
            }
            LOG.debugf("deleting %s %s/%s", kind(current), namespace, name);
            resource(namespace, name).delete();
            return ReconcileResult.DELETED;
        }
        if (!name.equals(desired.getMetadata().getName())) {
            throw new IllegalArgumentException(
                    "desired object is named " + desired.getMetadata().getName() + ", not " + name);
        }
        if (current != null && LiveState.contains(toJson(current), toJson(desired))) {
            // Already as desired (server defaults aside): no write, so nothing is bumped or rolled.
            return ReconcileResult.UNCHANGED;
        }
        T applied = write(namespace, desired, current);
        if (current == null) {
            LOG.debugf("created %s %s/%s", kind(desired), namespace, name);
            return ReconcileResult.CREATED;
        }
        String before = current.getMetadata().getResourceVersion();
        String after = applied == null ? null : applied.getMetadata().getResourceVersion();
        return Objects.equals(before, after) ? ReconcileResult.UNCHANGED : ReconcileResult.UPDATED;
    }

    private JsonNode toJson(T object) {
        return client.getKubernetesSerialization().convertValue(object, JsonNode.class);
    }

    private T write(String namespace, T desired, T current) {
        NamespaceableResource<T> target = client.resource(desired);
        Resource<T> scoped = namespace == null ? target : target.inNamespace(namespace);
        return switch (mode) {
            case SERVER_SIDE_APPLY ->
                scoped.fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
            case CREATE_OR_MERGE_PATCH ->
                current == null ? scoped.create() : scoped.patch(PatchContext.of(PatchType.JSON_MERGE));
        };
    }

    /**
     * Deletes the labelled objects of the namespace whose names are not in {@code keep}: what the spec no longer has.
     */
    public List<ResourceChange> prune(String namespace, Map<String, String> labels, Set<String> keep) {
        return list(namespace, labels).stream()
                .filter(o -> !keep.contains(o.getMetadata().getName()))
                .map(o -> new ResourceChange(
                        kind(o),
                        o.getMetadata().getName(),
                        reconcile(namespace, o.getMetadata().getName(), null)))
                .toList();
    }

    private static String kind(HasMetadata o) {
        return o.getKind() != null ? o.getKind() : o.getClass().getSimpleName();
    }
}
