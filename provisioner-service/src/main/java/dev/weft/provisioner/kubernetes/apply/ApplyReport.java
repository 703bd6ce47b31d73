package dev.weft.provisioner.kubernetes.apply;

import java.util.List;

/**
 * Every object an apply or delete touched, in the order it touched them.
 *
 * @param changes one entry per object
 */
public record ApplyReport(List<ResourceChange> changes) {

    public ApplyReport {
        changes = List.copyOf(changes);
    }

    /** The entries whose result is one of the given ones. */
    public List<ResourceChange> with(ReconcileResult... results) {
        List<ReconcileResult> wanted = List.of(results);
        return changes.stream().filter(c -> wanted.contains(c.result())).toList();
    }

    /** Whether anything was created, updated or deleted. */
    public boolean changedAnything() {
        return !with(ReconcileResult.CREATED, ReconcileResult.UPDATED, ReconcileResult.DELETED)
                .isEmpty();
    }
}
