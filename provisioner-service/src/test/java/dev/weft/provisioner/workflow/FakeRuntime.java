package dev.weft.provisioner.workflow;

import dev.weft.provisioner.spec.FabricNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A runtime whose nodes "run" as soon as they are applied, with switches to crash or fail. */
public final class FakeRuntime implements NetworkRuntime {

    public final List<String> calls = new ArrayList<>();
    public boolean applied;
    public boolean ready;
    public boolean crashAfterApply;
    public boolean crashWhenReady;
    public String unavailable;

    @Override
    public String name() {
        return "local";
    }

    @Override
    public Optional<String> unavailableReason() {
        return Optional.ofNullable(unavailable);
    }

    @Override
    public boolean isApplied(NetworkPlan plan) {
        return applied;
    }

    @Override
    public void apply(NetworkPlan plan) {
        plan.requireCrypto();
        calls.add("apply");
        applied = true;
        if (crashAfterApply) {
            crashAfterApply = false;
            throw new SimulatedCrash("after runtime apply");
        }
    }

    @Override
    public boolean isReady(NetworkPlan plan) {
        return applied && ready;
    }

    @Override
    public void awaitReady(NetworkPlan plan, Duration timeout) {
        calls.add("awaitReady");
        ready = true;
        if (crashWhenReady) {
            crashWhenReady = false;
            throw new SimulatedCrash("once the nodes were ready");
        }
    }

    @Override
    public NodeAddress clientAddress(NetworkPlan plan, FabricNode node) {
        return new NodeAddress("127.0.0.1", plan.naming().localPorts(node).listen());
    }

    @Override
    public NodeAddress clusterAddress(NetworkPlan plan, FabricNode orderer) {
        return new NodeAddress("127.0.0.1", plan.naming().localPorts(orderer).cluster());
    }

    @Override
    public NodeAddress adminAddress(NetworkPlan plan, FabricNode orderer) {
        return new NodeAddress("127.0.0.1", plan.naming().localPorts(orderer).admin());
    }

    @Override
    public Optional<NodeAddress> caAddress(NetworkPlan plan, FabricNode ca) {
        return Optional.of(
                new NodeAddress("127.0.0.1", plan.naming().localPorts(ca).listen()));
    }

    @Override
    public String adminIdentity(NetworkPlan plan, String mspId) {
        return "file:" + plan.adminMsp(mspId);
    }

    @Override
    public List<String> notes(NetworkPlan plan) {
        return List.of("fake runtime");
    }

    @Override
    public void delete(NetworkPlan plan, boolean purge) {
        calls.add("delete");
        applied = false;
        ready = false;
    }
}
