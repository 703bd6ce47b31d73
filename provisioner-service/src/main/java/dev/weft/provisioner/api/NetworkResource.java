package dev.weft.provisioner.api;

import dev.weft.provisioner.spec.InvalidSpecException;
import dev.weft.provisioner.spec.NetworkSpec;
import dev.weft.provisioner.spec.NetworkSpecs;
import dev.weft.provisioner.status.NetworkStatus;
import dev.weft.provisioner.workflow.NetworkNotFoundException;
import dev.weft.provisioner.workflow.NetworkWorkers;
import dev.weft.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/networks}: submit a {@code NetworkSpec} (JSON or YAML), follow its status, delete it.
 *
 * <pre>{@code
 * curl -i -XPOST localhost:8080/api/v1/networks -H "X-API-Key: $KEY" -H 'Content-Type: application/json' -d '{"name":"demo"}'
 * # 202 Accepted, Location: /api/v1/networks/demo
 * curl localhost:8080/api/v1/networks/demo      # phase, per-step conditions, last error, connection facts
 * curl -XDELETE 'localhost:8080/api/v1/networks/demo?purge=true'
 * }</pre>
 */
@Path("/api/v1/networks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "networks", description = "Fabric networks provisioned from a NetworkSpec")
@RolesAllowed(Roles.NETWORK_ADMIN)
public class NetworkResource {

    @Inject
    NetworkWorkers workers;

    @POST
    @Consumes({MediaType.APPLICATION_JSON, "application/yaml", "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN})
    @Operation(
            summary = "Provision a network",
            description =
                    "Validates the spec and provisions the network in the "
                            + "background. Submitting the spec of a network being provisioned returns its status and starts nothing.")
    @RequestBody(description = "A NetworkSpec as JSON or YAML; only name is required")
    @APIResponse(responseCode = "202", description = "Accepted; Location names the status")
    @APIResponse(responseCode = "400", description = "Invalid spec: problem details listing each field at fault")
    @APIResponse(responseCode = "409", description = "Another spec of this network is being provisioned")
    @APIResponse(responseCode = "503", description = "The runtime cannot run networks (e.g. FABRIC_BIN unset)")
    public Response provision(String body, @jakarta.ws.rs.core.Context UriInfo uri) throws InvalidSpecException {
        NetworkSpec spec = NetworkSpecs.parseValid(body == null ? "" : body);
        NetworkWorkers.Submission submission = workers.submit(spec);
        return Response.accepted(submission.status())
                .location(uri.getBaseUriBuilder()
                        .path("api/v1/networks")
                        .path(spec.name())
                        .build())
                .build();
    }

    @GET
    @Operation(summary = "List networks with their status")
    public List<NetworkStatus> list() {
        return workers.all();
    }

    @GET
    @Path("/{name}")
    @Operation(summary = "Status and progress of a network")
    @APIResponse(responseCode = "404", description = "No such network")
    public NetworkStatus get(@PathParam("name") String name) {
        return workers.status(name).orElseThrow(() -> new NetworkNotFoundException(name));
    }

    @DELETE
    @Path("/{name}")
    @Operation(
            summary = "Stop a network",
            description = "Stops its nodes; keeps crypto material and ledgers unless "
                    + "purge=true, which removes the network's folder.")
    @APIResponse(responseCode = "404", description = "No such network")
    public NetworkStatus delete(
            @PathParam("name") String name, @QueryParam("purge") @DefaultValue("false") boolean purge) {
        return workers.delete(name, purge);
    }
}
