package dev.weft.provisioner.workflow;

import dev.weft.provisioner.spec.FabricNode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where a network's nodes run: local processes or Kubernetes workloads. Every method is idempotent; the workflow
 * asks {@link #isApplied}/{@link #isReady} before {@link #apply}/{@link #awaitReady} so that a re-run skips what
 * is done.
 *
 * <pre>{@code
 * if (!runtime.isApplied(plan)) runtime.apply(plan);
 * if (!runtime.isReady(plan)) runtime.awaitReady(plan, Duration.ofMinutes(2));
 * NodeAddress admin = runtime.adminAddress(plan, naming.orderers().get(0));
 * }</pre>
 */
public interface NetworkRuntime {

    /** {@code local} or {@code kubernetes}, as in events. */
    String name();

    /**
     * Why this runtime cannot run networks at all (e.g. no Fabric binaries), or empty when it can. Checked before a
     * network is accepted so that the problem is reported clearly and at once.
     */
    default Optional<String> unavailableReason() {
        return Optional.empty();
    }

    /** Whether every node exists and runs as the plan says. */
    boolean isApplied(NetworkPlan plan);

    /** Creates or starts whatever node is missing; leaves running nodes alone. Needs the crypto material. */
    void apply(NetworkPlan plan);

    /** Whether every node reports healthy now. */
    boolean isReady(NetworkPlan plan);

    /**
     * Waits until every node reports healthy.
     *
     * @throws RuntimeStepException naming the nodes that are not, with a hint (e.g. their log files)
     */
    void awaitReady(NetworkPlan plan, Duration timeout);

    /** An orderer's or peer's client endpoint, as the provisioner dials it and as channel configuration names it. */
    NodeAddress clientAddress(NetworkPlan plan, FabricNode node);

    /** An orderer's Raft cluster endpoint. */
    NodeAddress clusterAddress(NetworkPlan plan, FabricNode orderer);

    /** An orderer's channel participation (osnadmin) endpoint. */
    NodeAddress adminAddress(NetworkPlan plan, FabricNode orderer);

    /** A CA's endpoint, or empty when this runtime does not run it. */
    Optional<NodeAddress> caAddress(NetworkPlan plan, FabricNode ca);

    /** Where an org's admin identity lives, as a reference: {@code file:/…/msp} or {@code secret:<ns>/<name>}. */
    String adminIdentity(NetworkPlan plan, String mspId);

    /** Facts for the status that are not errors, e.g. that CAs were skipped. */
    default List<String> notes(NetworkPlan plan) {
        return List.of();
    }

    /** Stops and removes the nodes; with {@code purge} their data goes too. */
    void delete(NetworkPlan plan, boolean purge);
}
