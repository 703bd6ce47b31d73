package dev.weft.fabric.admin.proposal;

import java.util.Objects;

/**
 * A network call to a Fabric node failed: which node, which operation, what Fabric answered.
 *
 * <p>The message never holds key material or request bodies: only the node name, the operation, the status (a gRPC
 * code, an HTTP status or a Fabric response status) and Fabric's own error text, shortened to a readable length.
 *
 * <pre>{@code
 * try {
 *     peer.joinChannel(genesisBlock);
 * } catch (FabricAdminException e) {
 *     log.warn("{} on {} failed ({}): {}", e.operation(), e.node(), e.status(), e.detail());
 *     if (e.kind() == FabricAdminException.Kind.UNAVAILABLE) { retryLater(); }
 * }
 * }</pre>
 */
public class FabricAdminException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final int MAX_DETAIL = 600;

    /** What kind of failure happened, for callers that retry some kinds and not others. */
    public enum Kind {
        /** The call did not finish before its deadline. */
        TIMEOUT,
        /** The node could not be reached (connection refused, TLS handshake failure, node down). */
        UNAVAILABLE,
        /** The node answered and refused the request (Fabric error status, HTTP 4xx/5xx). */
        REJECTED,
        /** The node answered something that could not be understood. */
        PROTOCOL
    }

    private final Kind kind;
    private final String node;
    private final String operation;
    private final String status;
    private final String detail;

    public FabricAdminException(
            Kind kind, String node, String operation, String status, String detail, Throwable cause) {
        super(message(node, operation, status, shorten(detail)), cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.node = Objects.requireNonNull(node, "node");
        this.operation = Objects.requireNonNull(operation, "operation");
        this.status = Objects.requireNonNull(status, "status");
        this.detail = shorten(detail);
    }

    public FabricAdminException(Kind kind, String node, String operation, String status, String detail) {
        this(kind, node, operation, status, detail, null);
    }

    /** The failure kind. */
    public Kind kind() {
        return kind;
    }

    /** The node the call went to, e.g. {@code peer0.org1.example.com (127.0.0.1:7051)}. */
    public String node() {
        return node;
    }

    /** The operation, e.g. {@code cscc/JoinChain} or {@code osnadmin join}. */
    public String operation() {
        return operation;
    }

    /** The status: a gRPC code such as {@code UNAVAILABLE}, {@code HTTP 400}, or a Fabric response status. */
    public String status() {
        return status;
    }

    /** Fabric's error text (shortened), or a description of the failure. */
    public String detail() {
        return detail;
    }

    private static String message(String node, String operation, String status, String detail) {
        return operation + " on " + node + " failed: " + status + (detail.isEmpty() ? "" : ": " + detail);
    }

    private static String shorten(String detail) {
        if (detail == null) {
            return "";
        }
        String oneLine = detail.strip();
        return oneLine.length() <= MAX_DETAIL ? oneLine : oneLine.substring(0, MAX_DETAIL) + "…";
    }
}
