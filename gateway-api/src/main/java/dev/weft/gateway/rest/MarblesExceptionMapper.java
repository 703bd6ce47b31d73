package dev.weft.gateway.rest;

import dev.weft.gateway.marbles.MarblesError;
import dev.weft.gateway.marbles.MarblesException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

/** Every {@link MarblesException} becomes problem details with the status of its kind. */
@Provider
public class MarblesExceptionMapper implements ExceptionMapper<MarblesException> {

    private static final Logger LOG = Logger.getLogger(MarblesExceptionMapper.class);

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(MarblesException exception) {
        MarblesError error = exception.error();
        if (error.kind().httpStatus() >= 500) {
            LOG.warnf("%s %s: %s", uri.getPath(), error.kind().slug(), error.detail());
        }
        return Response.status(error.kind().httpStatus())
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(error, "/" + uri.getPath().replaceFirst("^/", "")))
                .build();
    }
}
