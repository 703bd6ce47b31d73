package dev.weft.lifecycle.runtime;

import dev.weft.lifecycle.spec.ChaincodeSpec;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where chaincode servers run: local processes or Kubernetes Deployments. Every operation is idempotent.
 *
 * <pre>{@code
 * String address = runtime.address(spec, "Org1MSP", namespace, previousPort);
 * boolean started = runtime.start(launch);          // false when it runs already
 * runtime.awaitAccepting(launch, Duration.ofSeconds(60));
 * runtime.retire("marbles", "Org1MSP", newPackageId); // after the commit: old servers go
 * }</pre>
 */
public interface ChaincodeRuntime {

    /** {@code local} or {@code kubernetes}. */
    String name();

    /**
     * The address of {@code mspId}'s server for a new package of {@code spec}.
     *
     * @param reserved an address this runtime handed out before for the same package label, to keep package ids
     *     stable across runs
     */
    String address(ChaincodeSpec spec, String mspId, String namespace, Optional<String> reserved);

    /** Extra TLS SANs the server certificate needs besides the address host. */
    List<String> extraSans();

    /** Starts the server unless it runs already; {@code true} when it was started now. */
    boolean start(ServerLaunch launch);

    /** Whether the server for exactly this package runs. */
    boolean isRunning(ServerLaunch launch);

    /**
     * Whether {@code mspId}'s server of {@code packageId} runs. Kubernetes Deployments restart their own pods, so a
     * runtime on top of them answers {@code true}; the local runtime looks at the process.
     */
    default boolean isServing(String chaincode, String mspId, String packageId) {
        return true;
    }

    /** Waits until the server accepts connections, or fails with {@link ServerStartException}. */
    void awaitAccepting(ServerLaunch launch, Duration timeout);

    /** Makes {@code keepPackageId} the served package and stops the servers of every other package. */
    void retire(String chaincode, String mspId, ServerLaunch keep);

    /**
     * Stops every server of the chaincode in the network's namespace. Only there: the service's Role is namespaced,
     * so listing across namespaces would be refused.
     */
    void stopAll(String chaincode, String namespace);
}
