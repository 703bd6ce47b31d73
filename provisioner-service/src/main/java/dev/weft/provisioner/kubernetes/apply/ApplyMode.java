package dev.weft.provisioner.kubernetes.apply;

/** How desired objects are written. */
public enum ApplyMode {
    /**
     * Server-side apply with the field manager {@value ResourceOperator#FIELD_MANAGER}, forcing conflicts: the
     * provisioner owns what it sets, fields it stops setting are removed, fields others set are kept. For real API
     * servers.
     */
    SERVER_SIDE_APPLY,

    /**
     * Create when absent, else a JSON merge patch. Only for the fabric8 mock API server, which answers server-side
     * apply with 415 Unsupported Media Type (7.5.2). A merge patch cannot remove map entries the model dropped.
     */
    CREATE_OR_MERGE_PATCH
}
