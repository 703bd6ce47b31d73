package dev.weft.service.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 401 and 403 as problem details, with the {@code WWW-Authenticate} challenges of both credential kinds. The details
 * say what to send, never why a credential was refused (expired, revoked, unknown): that stays in the DEBUG log.
 *
 * <p>Works because authentication is not proactive ({@code quarkus.http.auth.proactive=false} in each service): a
 * refused credential then surfaces as an exception inside the REST layer instead of an empty 401 before it.
 */
public class SecurityProblems {

    private static final String BASE = "https://weft.dev/problems/";
    private static final String HOW =
            "send Authorization: Bearer <token> or " + ApiKeyAuthenticationMechanism.HEADER + ": <key>";

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri, HttpHeaders headers) {
        return unauthorized("no credentials: " + HOW, uri, headers);
    }

    @ServerExceptionMapper
    public Response refused(AuthenticationFailedException e, UriInfo uri, HttpHeaders headers) {
        return unauthorized("the credentials were not accepted: " + HOW, uri, headers);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return Response.status(403)
                .type(SecurityProblem.MEDIA_TYPE)
                .entity(new SecurityProblem(
                        BASE + "forbidden",
                        "Role missing",
                        403,
                        "the caller is authenticated but lacks the role this operation needs (see docs/security.md)",
                        path(uri)))
                .build();
    }

    private static Response unauthorized(String detail, UriInfo uri, HttpHeaders headers) {
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        boolean bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
        return Response.status(401)
                .type(SecurityProblem.MEDIA_TYPE)
                // RFC 6750: a refused bearer token is answered with error="invalid_token".
                .header(
                        HttpHeaders.WWW_AUTHENTICATE,
                        "Bearer realm=\"weft\"" + (bearer ? ", error=\"invalid_token\"" : ""))
                .header(HttpHeaders.WWW_AUTHENTICATE, ApiKeyAuthenticationMechanism.SCHEME + " realm=\"weft\"")
                .entity(new SecurityProblem(
                        BASE + "unauthenticated", "Authentication required", 401, detail, path(uri)))
                .build();
    }

    private static String path(UriInfo uri) {
        return "/" + uri.getPath().replaceFirst("^/", "");
    }
}
