package dev.weft.lifecycle.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.lifecycle.service.DeploymentService;
import dev.weft.lifecycle.spec.ChaincodeSpecReader;
import dev.weft.lifecycle.spec.InvalidSpecException;
import dev.weft.lifecycle.spec.SpecProblem;
import dev.weft.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Deploy, inspect, upgrade and stop chaincodes. Deployments run in the background: POST answers 202 at once. Every
 * operation needs {@code chaincode:admin}.
 */
@Path("/api/v1/chaincodes")
@RolesAllowed(Roles.CHAINCODE_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ChaincodeResource {

    private final DeploymentService service;

    @Inject
    public ChaincodeResource(DeploymentService service) {
        this.service = service;
    }

    @POST
    @Operation(summary = "Deploy a chaincode (or converge to the spec); 202 with the status, 400 naming bad fields")
    public Response deploy(JsonNode body) {
        ChaincodeView view = ChaincodeView.of(service.submit(ChaincodeSpecReader.read(body)));
        return Response.accepted(view)
                .location(URI.create("/api/v1/chaincodes/" + view.name()))
                .build();
    }

    @GET
    @Operation(summary = "Every chaincode with its per-organization status")
    public List<ChaincodeView> list() {
        return service.statuses().stream().map(ChaincodeView::of).toList();
    }

    @GET
    @Path("/{name}")
    @Operation(summary = "One chaincode: package ids, installed on, approved by, committed sequence, server ready")
    public Response get(@PathParam("name") String name) {
        return service.status(name)
                .map(status -> Response.ok(ChaincodeView.of(status)).build())
                .orElseGet(() -> notFound(name));
    }

    @POST
    @Path("/{name}/upgrade")
    @Operation(summary = "Upgrade to a new version or spec: next sequence, servers rolled after the commit")
    public Response upgrade(@PathParam("name") String name, JsonNode body) {
        UpgradeRequest request = new UpgradeRequest(
                body != null && body.hasNonNull("version") ? body.get("version").asText() : null,
                body != null && body.hasNonNull("spec") ? ChaincodeSpecReader.read(body.get("spec")) : null);
        if (request.version() == null && request.spec() == null) {
            throw new InvalidSpecException(List.of(new SpecProblem("version", "give a new version or a whole spec")));
        }
        if (request.spec() != null && !name.equals(request.spec().name())) {
            throw new InvalidSpecException(
                    List.of(new SpecProblem("spec.name", "must be " + name + ", the chaincode being upgraded")));
        }
        return service.upgrade(name, request.version(), request.spec())
                .map(status -> Response.accepted(ChaincodeView.of(status)).build())
                .orElseGet(() -> notFound(name));
    }

    @DELETE
    @Path("/{name}")
    @Operation(summary = "Stop the chaincode's servers (the definition stays on the channel)")
    public Response delete(@PathParam("name") String name) {
        return service.delete(name)
                .map(status -> Response.ok(ChaincodeView.of(status)).build())
                .orElseGet(() -> notFound(name));
    }

    private static Response notFound(String name) {
        return ProblemDetails.response(404, "Chaincode not found", "no chaincode named " + name, List.of());
    }
}
