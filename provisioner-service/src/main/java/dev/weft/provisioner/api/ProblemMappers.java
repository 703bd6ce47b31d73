package dev.weft.provisioner.api;

import dev.weft.provisioner.spec.InvalidSpecException;
import dev.weft.provisioner.workflow.NetworkBusyException;
import dev.weft.provisioner.workflow.NetworkNotFoundException;
import dev.weft.provisioner.workflow.RuntimeUnavailableException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns the service's exceptions into problem details. */
public class ProblemMappers {

    private static final String BASE = "https://weft.dev/problems/";

    @ServerExceptionMapper
    public Response invalidSpec(InvalidSpecException e, UriInfo uri) {
        List<Problem.FieldError> errors =
                e.problems().stream().map(Problem.FieldError::of).toList();
        String detail = errors.size() == 1
                ? "1 problem in the spec: " + e.problems().get(0)
                : errors.size() + " problems in the spec";
        return problem(400, "invalid-spec", "Invalid network spec", detail, uri, errors);
    }

    @ServerExceptionMapper
    public Response notFound(NetworkNotFoundException e, UriInfo uri) {
        return problem(404, "network-not-found", "No such network", e.getMessage(), uri, List.of());
    }

    @ServerExceptionMapper
    public Response busy(NetworkBusyException e, UriInfo uri) {
        return problem(409, "network-busy", "Network is being provisioned", e.getMessage(), uri, List.of());
    }

    @ServerExceptionMapper
    public Response unavailable(RuntimeUnavailableException e, UriInfo uri) {
        return problem(503, "runtime-unavailable", "Runtime unavailable", e.getMessage(), uri, List.of());
    }

    private static Response problem(
            int status, String type, String title, String detail, UriInfo uri, List<Problem.FieldError> errors) {
        Problem body = new Problem(URI.create(BASE + type), title, status, detail, uri.getPath(), errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }
}
