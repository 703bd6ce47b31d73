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

    /** Maps unreadable JSON to 400 naming the field. */
    @Provider
    public static class JsonMapper implements ExceptionMapper<com.fasterxml.jackson.core.JsonProcessingException> {
        @Override
        public Response toResponse(com.fasterxml.jackson.core.JsonProcessingException e) {
            return unreadable(e);
        }
    }

    /** Maps a value of the wrong shape or an unknown field (more specific than Quarkus' own mapper) to 400. */
    @Provider
    public static class MismatchedInputMapper
            implements ExceptionMapper<com.fasterxml.jackson.databind.exc.MismatchedInputException> {
        @Override
        public Response toResponse(com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
            return unreadable(e);
        }
    }

    /** Maps a value a type refused (e.g. an unknown TLS mode) to 400. */
    @Provider
    public static class ValueInstantiationMapper
            implements ExceptionMapper<com.fasterxml.jackson.databind.exc.ValueInstantiationException> {
        @Override
        public Response toResponse(com.fasterxml.jackson.databind.exc.ValueInstantiationException e) {
            return unreadable(e);
        }
    }

    private static Response unreadable(com.fasterxml.jackson.core.JsonProcessingException e) {
        String field = e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping
                ? mapping.getPath().stream()
                        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                        .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                        .orElse("")
                : "";
        return response(
                400,
                "Invalid chaincode spec",
                "the body is not a valid chaincode spec",
                List.of(new SpecProblem(field, e.getOriginalMessage())));
    }
}
