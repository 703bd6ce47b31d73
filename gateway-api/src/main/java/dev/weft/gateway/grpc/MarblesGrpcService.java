package dev.weft.gateway.grpc;

import dev.weft.gateway.events.MarbleEventBroadcaster;
import dev.weft.gateway.grpc.v1.ColorTransfer;
import dev.weft.gateway.grpc.v1.CreateMarbleRequest;
import dev.weft.gateway.grpc.v1.DeleteMarbleRequest;
import dev.weft.gateway.grpc.v1.GetMarbleHistoryRequest;
import dev.weft.gateway.grpc.v1.GetMarbleRequest;
import dev.weft.gateway.grpc.v1.GetTransactionStatusRequest;
import dev.weft.gateway.grpc.v1.ListMarblesByOwnerRequest;
import dev.weft.gateway.grpc.v1.ListMarblesByRangeRequest;
import dev.weft.gateway.grpc.v1.Marble;
import dev.weft.gateway.grpc.v1.MarbleEvent;
import dev.weft.gateway.grpc.v1.MarbleHistory;
import dev.weft.gateway.grpc.v1.MarbleList;
import dev.weft.gateway.grpc.v1.MarbleTransaction;
import dev.weft.gateway.grpc.v1.Marbles;
import dev.weft.gateway.grpc.v1.QueryMarblesRequest;
import dev.weft.gateway.grpc.v1.TransactionStatus;
import dev.weft.gateway.grpc.v1.TransferMarbleRequest;
import dev.weft.gateway.grpc.v1.TransferMarblesByColorRequest;
import dev.weft.gateway.grpc.v1.WatchEventsRequest;
import dev.weft.gateway.marbles.MarblePage;
import dev.weft.gateway.marbles.MarblesError;
import dev.weft.gateway.marbles.MarblesException;
import dev.weft.gateway.marbles.MarblesService;
import dev.weft.gateway.marbles.NewMarble;
import dev.weft.service.security.Roles;
import io.quarkus.grpc.GrpcService;
import io.quarkus.grpc.RegisterInterceptor;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The marbles functions as the gRPC service {@code weft.marbles.v1.Marbles}, on the HTTP port. Only translation
 * happens here, as in the REST resource; {@link MarblesService} decides everything (validation, retries,
 * idempotency). Failures become statuses with details through {@link MarblesStatus}.
 *
 * <pre>{@code
 * grpcurl -plaintext -H 'idempotency-key: 7f3c' \
 *     -d '{"name":"marble1","color":"blue","size":35,"owner":"tom"}' \
 *     localhost:8080 weft.marbles.v1.Marbles/CreateMarble
 * }</pre>
 */
@GrpcService
@RegisterInterceptor(CredentialsRequiredInterceptor.class)
@RegisterInterceptor(IdempotencyKeyInterceptor.class)
public class MarblesGrpcService implements Marbles {

    private static final Logger LOG = Logger.getLogger(MarblesGrpcService.class);

    private final MarblesService marbles;
    private final MarbleEventBroadcaster broadcaster;

    MarblesGrpcService(MarblesService marbles, MarbleEventBroadcaster broadcaster) {
        this.marbles = marbles;
        this.broadcaster = broadcaster;
    }

    @Override
    @Blocking
    @RolesAllowed(Roles.MARBLES_WRITE)
    public Uni<MarbleTransaction> createMarble(CreateMarbleRequest request) {
        NewMarble marble = new NewMarble(
                request.getName(),
                request.getColor(),
                request.hasSize() ? request.getSize() : null,
                request.getOwner());
        String key = IdempotencyKeyInterceptor.current();
        return call("CreateMarble", () -> GrpcMessages.transaction(marbles.create(marble, key)));
    }

    @Override
    @Blocking
    @RolesAllowed(Roles.MARBLES_READ)
    public Uni<Marble> getMarble(GetMarbleRequest request) {
        return call("GetMarble", () -> GrpcMessages.marble(marbles.read(request.getName())));
    }

    @Override
    @Blocking
    @RolesAllowed(Roles.MARBLES_WRITE)
    public Uni<MarbleTransaction> transferMarble(TransferMarbleRequest request) {
        String key = IdempotencyKeyInterceptor.current();
        return call(
                "TransferMarble",
                () -> GrpcMessages.transaction(marbles.transfer(request.getName(), request.getNewOwner(), key)));
    }

    @Override
    @Blocking
    @RolesAllowed(Roles.MARBLES_WRITE)
    public Uni<MarbleTransaction> deleteMarble(DeleteMarbleRequest request) {
        String key = IdempotencyKeyInterceptor.current();
        return call("DeleteMarble", () -> GrpcMessages.transaction(marbles.delete(request.getName(), key)));
    }

    @Override
    @Blocking
    @RolesAllowed(Roles.MARBLES_WRITE)
    public Uni<ColorTransfer> transferMarblesByColor(TransferMarblesByColorRequest request) {
        String key = IdempotencyKeyInterceptor.current();
        return call(
                "TransferMarblesByColor",
                () -> GrpcMessages.colorTransfer(
                        marbles.transferByColor(request.getColor(), request.getNewOwner(), key)));
    }

    @Override
    @Blocking
    @RolesAllowed(Roles.MARBLES_READ)
    public Uni<MarbleList> listMarblesByRange(ListMarblesByRangeRequest request) {
        Integer pageSize = request.hasPageSize() ? request.getPageSize() : null;
        return call(
                "ListMarblesByRange",
                () -> GrpcMessages.list(
                        marbles.range(request.getFrom(), request.getTo(), pageSize, request.getBookmark())));
    }

    @Override
    @Blocking
    @RolesAllowed(Roles.MARBLES_READ)
    public Uni<MarbleList> listMarblesByOwner(ListMarblesByOwnerRequest request) {
        return call("ListMarblesByOwner", () -> GrpcMessages.list(MarblePage.of(marbles.byOwner(request.getOwner()))));
    }

    @Override
    @Blocking
    @RolesAllowed(Roles.MARBLES_READ)
    public Uni<MarbleList> queryMarbles(QueryMarblesRequest request) {
        Integer pageSize = request.hasPageSize() ? request.getPageSize() : null;
        return call(
                "QueryMarbles",
                () -> GrpcMessages.list(marbles.query(
                        request.hasSelector() ? GrpcMessages.json(request.getSelector()) : null,
                        pageSize,
                        request.getBookmark())));
    }

    @Override
    @Blocking
    @RolesAllowed(Roles.MARBLES_READ)
    public Uni<MarbleHistory> getMarbleHistory(GetMarbleHistoryRequest request) {
        return call("GetMarbleHistory", () -> GrpcMessages.history(marbles.history(request.getName())));
    }

    @Override
    @Blocking
    @RolesAllowed(Roles.MARBLES_READ)
    public Uni<TransactionStatus> getTransactionStatus(GetTransactionStatusRequest request) {
        return call(
                "GetTransactionStatus",
                () -> GrpcMessages.transactionStatus(marbles.transaction(request.getTransactionId())));
    }

    /** Live events from the moment of the call; the stream ends only when the caller cancels it. */
    @Override
    @RolesAllowed(Roles.MARBLES_READ)
    public Multi<MarbleEvent> watchEvents(WatchEventsRequest request) {
        return broadcaster.events().map(GrpcMessages::event);
    }

    /**
     * Runs a (blocking) service call on this worker thread, where the gRPC context with the idempotency key is
     * current, and answers its result or its error as a status with details.
     */
    private static <T> Uni<T> call(String method, Supplier<T> operation) {
        try {
            return Uni.createFrom().item(operation.get());
        } catch (MarblesException e) {
            MarblesError error = e.error();
            if (error.kind().httpStatus() >= 500) {
                LOG.warnf("%s %s: %s", method, error.kind().slug(), error.detail());
            }
            return Uni.createFrom().failure(MarblesStatus.exception(error));
        }
    }
}
