package dev.weft.provisioner.kubernetes.apply;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;

/**
 * Decides whether a live workload is ready. {@link #workloads()} reads the status the controllers write; tests
 * against an API server without controllers patch that status themselves or plug in another check.
 */
@FunctionalInterface
public interface ReadinessCheck {

    /** Whether the live object (never {@code null}) is ready. */
    boolean isReady(HasMetadata live);

    /**
     * StatefulSets and Deployments are ready when the controller has seen the current generation and every desired
     * replica is ready; other kinds always are.
     */
    static ReadinessCheck workloads() {
        return live -> {
            if (live instanceof StatefulSet s) {
                return s.getStatus() != null
                        && observed(s, s.getStatus().getObservedGeneration())
                        && ready(s.getSpec().getReplicas(), s.getStatus().getReadyReplicas());
            }
            if (live instanceof Deployment d) {
                return d.getStatus() != null
                        && observed(d, d.getStatus().getObservedGeneration())
                        && ready(d.getSpec().getReplicas(), d.getStatus().getReadyReplicas());
            }
            return true;
        };
    }

    private static boolean observed(HasMetadata o, Long observedGeneration) {
        Long generation = o.getMetadata().getGeneration();
        return generation == null || (observedGeneration != null && observedGeneration >= generation);
    }

    private static boolean ready(Integer desired, Integer readyReplicas) {
        int want = desired == null ? 1 : desired;
        return (readyReplicas == null ? 0 : readyReplicas) >= want;
    }
}
