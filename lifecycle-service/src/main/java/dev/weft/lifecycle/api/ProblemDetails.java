package dev.weft.lifecycle.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.weft.lifecycle.spec.InvalidSpecException;
import dev.weft.lifecycle.spec.SpecProblem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * RFC 9457 problem details; invalid specs answer 400 with one entry per field in {@code errors}.
 *
 * <pre>{@code
 * {"type":"about:blank","title":"Invalid chaincode spec","status":400,"detail":"2 problems",
 *  "errors":[{"field":"name","message":"is required"},{"field":"tls","message":"…"}]}
 * }</pre>
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ProblemDetails(String type, String title, int status, String detail, List<SpecProblem> errors) {

    /** The media type of problem details. */
    public static final String MEDIA_TYPE = "application/problem+json";

    static Response response(int status, String title, String detail, List<SpecProblem> errors) {
        return Response.status(status)
                .type(MEDIA_TYPE)
                .entity(new ProblemDetails("about:blank", title, status, detail, errors))
                .build();
    }

    /** Maps {@link InvalidSpecException} to 400. */
    @Provider
    public static class InvalidSpecMapper implements ExceptionMapper<InvalidSpecException> {
        @Override
        public Response toResponse(InvalidSpecException e) {
            return response(400, "Invalid chaincode spec", e.problems().size() + " problem(s)", e.problems());
        }
    }
}
