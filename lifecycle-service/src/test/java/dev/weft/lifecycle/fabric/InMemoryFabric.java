package dev.weft.lifecycle.fabric;

import dev.weft.fabric.admin.chaincode.ChaincodePackage;
import dev.weft.fabric.admin.lifecycle.ChaincodeDefinition;
import dev.weft.fabric.admin.proposal.FabricAdminException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A channel's {@code _lifecycle} in memory, with the peer's rules that matter to the workflow: sequences must be the
 * committed one or the next, a commit needs every organization's matching approval, init once per sequence. Counts
 * the transactions it would order, and logs every call.
 */
public final class InMemoryFabric implements LifecycleFabric {

    private final Map<String, List<String>> peers;
    private final Map<String, Set<String>> installed = new ConcurrentHashMap<>();
    private final Map<String, Approval> approvals = new ConcurrentHashMap<>();
    private final List<String> calls = java.util.Collections.synchronizedList(new ArrayList<>());
    private volatile ChaincodeDefinition committed;
    private volatile Long initialized;
    private volatile int transactions;
    private volatile String failApproveFor;

    record Approval(ChaincodeDefinition definition, String packageId) {}

    public InMemoryFabric(Map<String, List<String>> peersByOrg) {
        this.peers = new LinkedHashMap<>(peersByOrg);
    }

    /** Two organizations with one peer each. */
    public static InMemoryFabric twoOrgs() {
        return new InMemoryFabric(
                Map.of("Org1MSP", List.of("peer0.org1.example.com"), "Org2MSP", List.of("peer0.org2.example.com")));
    }

    /** Makes the next approvals of {@code mspId} fail as the peer would refuse a non-admin. */
    public void failApprovalsOf(String mspId) {
        this.failApproveFor = mspId;
    }

    public List<String> calls() {
        return List.copyOf(calls);
    }

    public int transactions() {
        return transactions;
    }

    public Optional<ChaincodeDefinition> committedDefinition() {
        return Optional.ofNullable(committed);
    }

    @Override
    public List<String> peers(String mspId) {
        return peers.getOrDefault(mspId, List.of());
    }

    @Override
    public boolean install(String mspId, String peer, ChaincodePackage chaincodePackage) {
        calls.add("install " + peer);
        return !installed
                .computeIfAbsent(peer, p -> ConcurrentHashMap.newKeySet())
                .add(chaincodePackage.packageId());
    }

    @Override
    public Optional<ChaincodeDefinition> committed(String mspId, String name) {
        return Optional.ofNullable(committed);
    }

    @Override
    public Optional<String> approvedPackage(String mspId, String name, long sequence) {
        return Optional.ofNullable(approvals.get(mspId + "/" + sequence)).map(Approval::packageId);
    }

    @Override
    public synchronized boolean approve(String mspId, ChaincodeDefinition definition, String packageId) {
        calls.add("approve " + mspId + " " + definition.sequence());
        if (mspId.equals(failApproveFor)) {
            throw new FabricAdminException(
                    FabricAdminException.Kind.REJECTED,
                    "peer0." + mspId,
                    "_lifecycle/ApproveChaincodeDefinitionForMyOrg",
                    "ENDORSEMENT_POLICY_FAILURE",
                    "access denied: creator does not satisfy policy [Admins]");
        }
        long current = committed == null ? 0 : committed.sequence();
        if (definition.sequence() != current && definition.sequence() != current + 1) {
            throw new FabricAdminException(
                    FabricAdminException.Kind.REJECTED,
                    "peer0." + mspId,
                    "approve",
                    "ABORTED",
                    "requested sequence is " + definition.sequence() + ", but new definition must be sequence "
                            + (current + 1));
        }
        Approval previous = approvals.get(mspId + "/" + definition.sequence());
        if (previous != null
                && previous.definition().sameParametersAs(definition)
                && previous.packageId().equals(packageId)) {
            return true;
        }
        approvals.put(mspId + "/" + definition.sequence(), new Approval(definition, packageId));
        transactions++;
        return false;
    }

    @Override
    public Map<String, Boolean> commitReadiness(String mspId, ChaincodeDefinition definition) {
        calls.add("readiness " + definition.sequence());
        Map<String, Boolean> result = new LinkedHashMap<>();
        for (String org : peers.keySet()) {
            Approval approval = approvals.get(org + "/" + definition.sequence());
            result.put(org, approval != null && approval.definition().sameParametersAs(definition));
        }
        return result;
    }

    @Override
    public synchronized boolean commit(String mspId, ChaincodeDefinition definition) {
        calls.add("commit " + definition.sequence());
        if (committed != null && committed.sequence() == definition.sequence()) {
            return true;
        }
        if (commitReadiness(mspId, definition).containsValue(false)) {
            throw new FabricAdminException(
                    FabricAdminException.Kind.REJECTED,
                    "peer0",
                    "commit",
                    "ABORTED",
                    "chaincode definition not agreed to by this org");
        }
        committed = definition;
        transactions++;
        return false;
    }

    @Override
    public synchronized void init(String mspId, String chaincode, String function, List<String> args) {
        calls.add("init " + function);
        if (committed == null || !committed.initRequired()) {
            throw new FabricAdminException(
                    FabricAdminException.Kind.REJECTED, "peer0", "init", "500", "not init-required");
        }
        if (Long.valueOf(committed.sequence()).equals(initialized)) {
            throw new FabricAdminException(
                    FabricAdminException.Kind.REJECTED,
                    "peer0",
                    "init",
                    "500",
                    "chaincode '" + chaincode + "' is already initialized");
        }
        initialized = committed.sequence();
        transactions++;
    }

    /** Every peer that has {@code packageId}. */
    public Set<String> peersWith(String packageId) {
        Set<String> result = new LinkedHashSet<>();
        installed.forEach((peer, ids) -> {
            if (ids.contains(packageId)) {
                result.add(peer);
            }
        });
        return result;
    }

    @Override
    public void close() {}
}
