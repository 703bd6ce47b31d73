package dev.weft.provisioner.kubernetes.apply;

/**
 * One object touched by the runtime.
 *
 * @param kind Kubernetes kind, e.g. {@code StatefulSet}
 * @param name object name
 * @param result what happened to it
 */
public record ResourceChange(String kind, String name, ReconcileResult result) {

    @Override
    public String toString() {
        return kind + "/" + name + " " + result;
    }
}
