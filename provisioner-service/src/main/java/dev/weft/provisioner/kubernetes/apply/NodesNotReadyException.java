package dev.weft.provisioner.kubernetes.apply;

import java.time.Duration;
import java.util.List;

/** Some workloads of a network were not ready in time; {@link #notReady()} names them ({@code StatefulSet/orderer0}). */
public class NodesNotReadyException extends Exception {

    private final List<String> notReady;

    public NodesNotReadyException(List<String> notReady, Duration waited) {
        super("not ready after " + waited + ": " + String.join(", ", notReady));
        this.notReady = List.copyOf(notReady);
    }

    /** {@code Kind/name} of each workload that was missing or not ready at the deadline. */
    public List<String> notReady() {
        return notReady;
    }
}
