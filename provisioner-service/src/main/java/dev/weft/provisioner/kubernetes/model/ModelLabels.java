package dev.weft.provisioner.kubernetes.model;

import dev.weft.provisioner.spec.FabricNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The labels of every object: the {@code app.kubernetes.io/*} set plus {@code weft.dev/network}, which the runtime
 * selects on to prune and delete a network's objects.
 *
 * <pre>{@code
 * ModelLabels.node("demo", peer)
 * // {app.kubernetes.io/name=fabric-peer, app.kubernetes.io/instance=org1-peer0, app.kubernetes.io/component=peer,
 * //  app.kubernetes.io/part-of=weft, app.kubernetes.io/managed-by=weft-provisioner, weft.dev/network=demo}
 * }</pre>
 */
public final class ModelLabels {

    public static final String NAME = "app.kubernetes.io/name";
    public static final String INSTANCE = "app.kubernetes.io/instance";
    public static final String COMPONENT = "app.kubernetes.io/component";
    public static final String PART_OF = "app.kubernetes.io/part-of";
    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";

    /** The network an object belongs to. */
    public static final String NETWORK = "weft.dev/network";

    /** Value of {@code app.kubernetes.io/managed-by} on everything the provisioner creates. */
    public static final String MANAGER = "weft-provisioner";

    private ModelLabels() {}

    /** Labels of a node's objects (workload, pods, Service, Secrets). */
    public static Map<String, String> node(String network, FabricNode node) {
        return labels(
                network,
                "fabric-" + node.kind().component(),
                node.name(),
                node.kind().component());
    }

    /** Labels of an object shared by the network, such as the builder ConfigMap or the Namespace. */
    public static Map<String, String> shared(String network, String name, String component) {
        return labels(network, name, network, component);
    }

    /** The pod selector of a node's workload and Service: immutable, so only name and instance. */
    public static Map<String, String> selector(FabricNode node) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(NAME, "fabric-" + node.kind().component());
        labels.put(INSTANCE, node.name());
        return labels;
    }

    /** The label selector of everything the provisioner manages for a network. */
    public static Map<String, String> networkSelector(String network) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(MANAGED_BY, MANAGER);
        labels.put(NETWORK, network);
        return labels;
    }

    private static Map<String, String> labels(String network, String name, String instance, String component) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(NAME, name);
        labels.put(INSTANCE, instance);
        labels.put(COMPONENT, component);
        labels.put(PART_OF, "weft");
        labels.put(MANAGED_BY, MANAGER);
        labels.put(NETWORK, network);
        return labels;
    }
}
