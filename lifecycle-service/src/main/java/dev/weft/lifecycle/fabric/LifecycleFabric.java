package dev.weft.lifecycle.fabric;

import dev.weft.fabric.admin.chaincode.ChaincodePackage;
import dev.weft.fabric.admin.lifecycle.ChaincodeDefinition;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Fabric operations the deployment workflow needs, on one channel of one network, each named by organization
 * (MSP id). Implemented on fabric-admin by {@link FabricAdminLifecycle}; tests may use an in-memory fake.
 *
 * <pre>{@code
 * try (LifecycleFabric fabric = connector.connect(network, "mychannel")) {
 *     boolean already = fabric.install("Org1MSP", "peer0.org1.example.com", pkg);
 *     fabric.approve("Org1MSP", definition, pkg.packageId());
 * }
 * }</pre>
 */
public interface LifecycleFabric extends AutoCloseable {

    /** The peers of an organization, by name. */
    List<String> peers(String mspId);

    /** Installs the package on the peer; {@code true} when it was installed already. */
    boolean install(String mspId, String peer, ChaincodePackage chaincodePackage);

    /** The committed definition of {@code name}, if any. */
    Optional<ChaincodeDefinition> committed(String mspId, String name);

    /** The package id {@code mspId} approved for {@code name} at {@code sequence}, if any. */
    Optional<String> approvedPackage(String mspId, String name, long sequence);

    /** Approves for {@code mspId}; {@code true} when exactly that was approved already. */
    boolean approve(String mspId, ChaincodeDefinition definition, String packageId);

    /** Which organizations approved {@code definition} (MSP id → approved). */
    Map<String, Boolean> commitReadiness(String mspId, ChaincodeDefinition definition);

    /** Commits through {@code mspId}'s gateway peer; {@code true} when it was committed already. */
    boolean commit(String mspId, ChaincodeDefinition definition);

    /** Submits the init transaction ({@code isInit}) of an init-required definition. */
    void init(String mspId, String chaincode, String function, List<String> args);

    @Override
    void close();
}
