package dev.weft.gateway.grpc;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import dev.weft.gateway.grpc.v1.PeerError;
import dev.weft.gateway.marbles.MarblesError;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

/**
 * Turns a {@link MarblesError} into a gRPC status with details (the rich error model): the code from {@link
 * MarblesError.Kind#grpcCode()}, the error's detail as message, and
 *
 * <ul>
 *   <li>always a {@code google.rpc.ErrorInfo}: reason = the kind ({@code NOT_FOUND}, {@code COMMIT_STATUS_UNKNOWN},
 *       …), domain {@value #DOMAIN}, metadata {@code type} (the REST problem type) and, where they apply, {@code
 *       transactionId} and {@code field};
 *   <li>for invalid input, a {@code google.rpc.BadRequest} with the field violation;
 *   <li>for endorsement failures, one {@code weft.marbles.v1.PeerError} per peer.
 * </ul>
 *
 * <pre>{@code
 * throw MarblesStatus.exception(new MarblesError.NotFound("Marble does not exist: m1"));
 * // NOT_FOUND "Marble does not exist: m1", details [ErrorInfo{reason=NOT_FOUND, domain=weft.dev, ...}]
 * }</pre>
 */
public final class MarblesStatus {

    /** The {@code ErrorInfo} domain of every Weft error. */
    public static final String DOMAIN = "weft.dev";

    private MarblesStatus() {}

    /** The gRPC code a kind of error is answered with. */
    public static Status.Code code(MarblesError.Kind kind) {
        return Status.Code.valueOf(kind.grpcCode());
    }

    /** The full status, details included. */
    public static com.google.rpc.Status status(MarblesError error) {
        MarblesError.Kind kind = error.kind();
        ErrorInfo.Builder info =
                ErrorInfo.newBuilder().setReason(kind.name()).setDomain(DOMAIN).putMetadata("type", kind.type());
        if (error.transactionId() != null) {
            info.putMetadata("transactionId", error.transactionId());
        }
        if (error.field() != null) {
            info.putMetadata("field", error.field());
        }
        com.google.rpc.Status.Builder status = com.google.rpc.Status.newBuilder()
                .setCode(code(kind).value())
                .setMessage(error.detail())
                .addDetails(Any.pack(info.build()));
        if (error.field() != null) {
            status.addDetails(Any.pack(BadRequest.newBuilder()
                    .addFieldViolations(BadRequest.FieldViolation.newBuilder()
                            .setField(error.field())
                            .setDescription(error.detail()))
                    .build()));
        }
        for (MarblesError.PeerMessage peer : error.peers()) {
            status.addDetails(Any.pack(PeerError.newBuilder()
                    .setAddress(nullToEmpty(peer.address()))
                    .setMspId(nullToEmpty(peer.mspId()))
                    .setMessage(nullToEmpty(peer.message()))
                    .build()));
        }
        return status.build();
    }

    /** The exception to fail a call with; the details travel in the {@code grpc-status-details-bin} trailer. */
    public static StatusRuntimeException exception(MarblesError error) {
        return StatusProto.toStatusRuntimeException(status(error));
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
