package dev.weft.gateway.rest;

import dev.weft.gateway.marbles.MarblesService;
import dev.weft.gateway.marbles.TransactionStatus;
import dev.weft.service.security.Roles;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Whether a transaction committed, for callers whose write answered 504 "commit status unknown".
 *
 * <pre>{@code
 * GET /api/v1/transactions/a1b2c3 -> {"transactionId":"a1b2c3","status":"VALID","blockNumber":7}
 * }</pre>
 */
@Path("/api/v1/transactions")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
@RolesAllowed(Roles.MARBLES_READ)
public class TransactionsResource {

    private final MarblesService marbles;

    TransactionsResource(MarblesService marbles) {
        this.marbles = marbles;
    }

    @GET
    @Path("/{transactionId}")
    public TransactionStatus status(@PathParam("transactionId") String transactionId) {
        return marbles.transaction(transactionId);
    }
}
