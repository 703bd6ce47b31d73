package dev.weft.provisioner.kubernetes.apply;

/** What reconciling one object did. */
public enum ReconcileResult {
    /** The object did not exist and was created. */
    CREATED,
    /** The object existed and the server stored a new version. */
    UPDATED,
    /** The object existed and applying it changed nothing (same resourceVersion). */
    UNCHANGED,
    /** The object existed and was deleted. */
    DELETED,
    /** Nothing was desired and nothing existed. */
    ABSENT
}
