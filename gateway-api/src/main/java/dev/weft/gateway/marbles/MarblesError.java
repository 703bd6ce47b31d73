package dev.weft.gateway.marbles;

import java.util.List;

/**
 * Why a marbles operation failed, in terms a caller can act on. The REST layer turns it into RFC 9457 problem
 * details and the gRPC layer into a status with details, both from {@link #kind()}; neither decides anything else.
 *
 * <pre>{@code
 * throw new MarblesException(new MarblesError.NotFound("Marble does not exist: marble1"));
 * // REST: 404 application/problem+json {"type":".../not-found","title":"Marble not found",...}
 * // gRPC: NOT_FOUND with an ErrorInfo detail
 * }</pre>
 */
public sealed interface MarblesError {

    /** What kind of failure this is; fixes the HTTP status, gRPC code, problem type and title. */
    Kind kind();

    /** A human-readable explanation specific to this occurrence. */
    String detail();

    /** The Fabric transaction concerned, if one was created. */
    default String transactionId() {
        return null;
    }

    /** The request field at fault, if one is. */
    default String field() {
        return null;
    }

    /** What each peer said, for endorsement failures. */
    default List<PeerMessage> peers() {
        return List.of();
    }

    /** One peer's message in an endorsement failure. */
    record PeerMessage(String address, String mspId, String message) {}

    /** The request is malformed; nothing reached Fabric, or the chaincode refused an argument. */
    record InvalidInput(String field, String detail) implements MarblesError {
        @Override
        public Kind kind() {
            return Kind.INVALID_INPUT;
        }
    }

    /** No marble has that name. */
    record NotFound(String detail) implements MarblesError {
        @Override
        public Kind kind() {
            return Kind.NOT_FOUND;
        }
    }

    /** A marble with that name exists already. */
    record AlreadyExists(String detail) implements MarblesError {
        @Override
        public Kind kind() {
            return Kind.ALREADY_EXISTS;
        }
    }

    /** The transaction lost an MVCC read conflict (after the retries, if the operation is retried). */
    record ReadConflict(String transactionId, String detail) implements MarblesError {
        @Override
        public Kind kind() {
            return Kind.READ_CONFLICT;
        }
    }

    /** The same {@code Idempotency-Key} came with a different request. */
    record IdempotencyKeyReused(String detail) implements MarblesError {
        @Override
        public Kind kind() {
            return Kind.IDEMPOTENCY_KEY_REUSED;
        }
    }

    /** A CouchDB selector query on a peer whose state database is LevelDB. */
    record RichQueryUnsupported(String detail) implements MarblesError {
        @Override
        public Kind kind() {
            return Kind.RICH_QUERY_UNSUPPORTED;
        }
    }

    /** The peers did not endorse (or the chaincode failed for a reason that is not the caller's). */
    record EndorsementFailed(String detail, List<PeerMessage> peers) implements MarblesError {
        public EndorsementFailed {
            peers = List.copyOf(peers);
        }

        @Override
        public Kind kind() {
            return Kind.ENDORSEMENT_FAILED;
        }
    }

    /** The transaction was ordered but the peers marked it invalid. */
    record TransactionInvalid(String transactionId, String validationCode, String detail) implements MarblesError {
        @Override
        public Kind kind() {
            return Kind.TRANSACTION_INVALID;
        }
    }

    /** The orderer refused the endorsed transaction. */
    record SubmitFailed(String transactionId, String detail) implements MarblesError {
        @Override
        public Kind kind() {
            return Kind.SUBMIT_FAILED;
        }
    }

    /**
     * The commit status did not arrive in time: the transaction may still commit. The caller checks it later with
     * {@code GET /api/v1/transactions/{transactionId}} or gRPC {@code GetTransactionStatus}.
     */
    record CommitStatusUnknown(String transactionId, String detail) implements MarblesError {
        @Override
        public Kind kind() {
            return Kind.COMMIT_STATUS_UNKNOWN;
        }
    }

    /** A call before the commit-status wait ran out of time. */
    record Timeout(String transactionId, String detail) implements MarblesError {
        @Override
        public Kind kind() {
            return Kind.TIMEOUT;
        }
    }

    /** No peer answered, or the connection to Fabric is not configured. */
    record Unavailable(String detail) implements MarblesError {
        @Override
        public Kind kind() {
            return Kind.UNAVAILABLE;
        }
    }

    /** The kinds of failure, with their HTTP status, gRPC code name, problem type suffix and title. */
    enum Kind {
        INVALID_INPUT(400, "INVALID_ARGUMENT", "invalid-input", "Invalid input"),
        NOT_FOUND(404, "NOT_FOUND", "not-found", "Marble not found"),
        ALREADY_EXISTS(409, "ALREADY_EXISTS", "already-exists", "Marble already exists"),
        READ_CONFLICT(409, "ABORTED", "read-conflict", "Read conflict"),
        IDEMPOTENCY_KEY_REUSED(422, "FAILED_PRECONDITION", "idempotency-key-reused", "Idempotency key reused"),
        RICH_QUERY_UNSUPPORTED(501, "UNIMPLEMENTED", "rich-query-unsupported", "Rich queries need CouchDB"),
        // UNAVAILABLE, not INTERNAL: nothing reached the orderer, so the call may simply be retried, which is what
        // gRPC clients (and their retry policies) take UNAVAILABLE to mean; the peers' messages are in the details.
        ENDORSEMENT_FAILED(502, "UNAVAILABLE", "endorsement-failed", "Endorsement failed"),
        TRANSACTION_INVALID(502, "ABORTED", "transaction-invalid", "Transaction invalidated"),
        SUBMIT_FAILED(502, "UNAVAILABLE", "submit-failed", "Submit failed"),
        UNAVAILABLE(503, "UNAVAILABLE", "unavailable", "Fabric unavailable"),
        TIMEOUT(504, "DEADLINE_EXCEEDED", "timeout", "Fabric call timed out"),
        COMMIT_STATUS_UNKNOWN(504, "DEADLINE_EXCEEDED", "commit-status-unknown", "Commit status unknown");

        /** Problem {@code type} URIs start with this. */
        public static final String TYPE_BASE = "https://weft.dev/problems/";

        private final int httpStatus;
        private final String grpcCode;
        private final String slug;
        private final String title;

        Kind(int httpStatus, String grpcCode, String slug, String title) {
            this.httpStatus = httpStatus;
            this.grpcCode = grpcCode;
            this.slug = slug;
            this.title = title;
        }

        public int httpStatus() {
            return httpStatus;
        }

        /** The name of an {@code io.grpc.Status.Code}. */
        public String grpcCode() {
            return grpcCode;
        }

        /** The problem {@code type}, e.g. {@code https://weft.dev/problems/not-found}. */
        public String type() {
            return TYPE_BASE + slug;
        }

        /** The stable short reason, e.g. {@code not-found} (gRPC's ErrorInfo reason is the constant's name). */
        public String slug() {
            return slug;
        }

        public String title() {
            return title;
        }
    }
}
