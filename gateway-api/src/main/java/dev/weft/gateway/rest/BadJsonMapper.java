package dev.weft.gateway.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.weft.gateway.marbles.MarblesError;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A request body that is not the JSON expected: 400 problem details naming the field where Jackson knows it.
 * Replaces Quarkus' built-in Jackson error responses, which are not problem details.
 */
public class BadJsonMapper {

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException exception, UriInfo uri) {
        return problem(exception, uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException exception, UriInfo uri) {
        return problem(exception, uri);
    }

    private static Response problem(JsonProcessingException exception, UriInfo uri) {
        String field = null;
        if (exception instanceof JsonMappingException mapping
                && !mapping.getPath().isEmpty()) {
            field = mapping.getPath().get(mapping.getPath().size() - 1).getFieldName();
        }
        MarblesError error = new MarblesError.InvalidInput(
                field, "the request body is not valid JSON for this operation: " + exception.getOriginalMessage());
        return Response.status(400)
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(error, "/" + uri.getPath().replaceFirst("^/", "")))
                .build();
    }
}
