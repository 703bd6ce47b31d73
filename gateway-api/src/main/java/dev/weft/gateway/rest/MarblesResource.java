package dev.weft.gateway.rest;

import dev.weft.gateway.marbles.HistoryEntry;
import dev.weft.gateway.marbles.Marble;
import dev.weft.gateway.marbles.MarblePage;
import dev.weft.gateway.marbles.MarblesService;
import dev.weft.gateway.marbles.NewMarble;
import dev.weft.gateway.marbles.Submitted;
import dev.weft.service.security.Roles;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;

/**
 * The marbles functions as resources. Only translation happens here; {@link MarblesService} decides everything.
 *
 * <pre>{@code
 * curl -X POST localhost:8080/api/v1/marbles -H "X-API-Key: $KEY" -H 'Idempotency-Key: 7f3c' -H 'Content-Type: application/json' \
 *      -d '{"name":"marble1","color":"blue","size":35,"owner":"tom"}'
 * # 201 {"transactionId":"...","blockNumber":5,"marble":{"name":"marble1","color":"blue","size":35,"owner":"tom"}}
 * }</pre>
 *
 * <p>Reads and queries need {@code marbles:read}; writes need {@code marbles:write} (see docs/security.md).
 */
@Path("/api/v1/marbles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Blocking
@RolesAllowed(Roles.MARBLES_READ)
public class MarblesResource {

    /** The header carrying the caller's idempotency key on POST, PUT and DELETE. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final MarblesService marbles;

    MarblesResource(MarblesService marbles) {
        this.marbles = marbles;
    }

    /** {@code initMarble}: 201 with the transaction id and the marble. */
    @POST
    @RolesAllowed(Roles.MARBLES_WRITE)
    public Response create(Requests.CreateMarble body, @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey) {
        Requests.CreateMarble request = body == null ? new Requests.CreateMarble(null, null, null, null) : body;
        Submitted<Marble> created = marbles.create(
                new NewMarble(request.name(), request.color(), request.size(), request.owner()), idempotencyKey);
        return Response.created(UriBuilder.fromPath("/api/v1/marbles/{name}")
                        .build(created.value().name()))
                .entity(new Requests.TransactionResult<>(
                        created.transactionId(), created.blockNumber(), created.value()))
                .build();
    }

    /** {@code readMarble}. */
    @GET
    @Path("/{name}")
    public Marble read(@PathParam("name") String name) {
        return marbles.read(name);
    }

    /** {@code transferMarble}. */
    @PUT
    @Path("/{name}/owner")
    @RolesAllowed(Roles.MARBLES_WRITE)
    public Requests.TransactionResult<Marble> transfer(
            @PathParam("name") String name,
            Requests.NewOwner body,
            @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey) {
        Submitted<Marble> moved = marbles.transfer(name, body == null ? null : body.owner(), idempotencyKey);
        return new Requests.TransactionResult<>(moved.transactionId(), moved.blockNumber(), moved.value());
    }

    /** {@code delete}: the deleted marble. */
    @DELETE
    @Path("/{name}")
    @RolesAllowed(Roles.MARBLES_WRITE)
    public Requests.TransactionResult<Marble> delete(
            @PathParam("name") String name, @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey) {
        Submitted<Marble> deleted = marbles.delete(name, idempotencyKey);
        return new Requests.TransactionResult<>(deleted.transactionId(), deleted.blockNumber(), deleted.value());
    }

    /** {@code transferMarblesBasedOnColor}. */
    @POST
    @Path("/transfers")
    @RolesAllowed(Roles.MARBLES_WRITE)
    public Requests.ColorTransferResult transferByColor(
            Requests.ColorTransfer body, @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey) {
        Requests.ColorTransfer request = body == null ? new Requests.ColorTransfer(null, null) : body;
        Submitted<String> moved = marbles.transferByColor(request.color(), request.newOwner(), idempotencyKey);
        return new Requests.ColorTransferResult(moved.transactionId(), moved.blockNumber(), moved.value());
    }

    /**
     * {@code queryMarblesByOwner} when {@code owner} is given, otherwise a (paged, with {@code pageSize}) range of
     * names [{@code from}, {@code to}).
     */
    @GET
    public Requests.Marbles list(
            @QueryParam("owner") String owner,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("pageSize") Integer pageSize,
            @QueryParam("bookmark") String bookmark) {
        if (owner != null) {
            return Requests.Marbles.of(MarblePage.of(marbles.byOwner(owner)));
        }
        return Requests.Marbles.of(marbles.range(from, to, pageSize, bookmark));
    }

    /** {@code queryMarbles} / {@code queryMarblesWithPagination}. */
    @POST
    @Path("/queries")
    public Requests.Marbles query(Requests.Query body) {
        Requests.Query request = body == null ? new Requests.Query(null, null, null) : body;
        return Requests.Marbles.of(marbles.query(request.selector(), request.pageSize(), request.bookmark()));
    }

    /** {@code getHistoryForMarble}, newest first. */
    @GET
    @Path("/{name}/history")
    public List<HistoryEntry> history(@PathParam("name") String name) {
        return marbles.history(name);
    }
}
