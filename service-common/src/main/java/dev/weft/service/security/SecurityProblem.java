package dev.weft.service.security;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The RFC 9457 problem details of a refused caller, shaped like the services' other problems.
 *
 * <pre>{@code
 * {"type":"https://weft.dev/problems/unauthenticated","title":"Authentication required","status":401,
 *  "detail":"send Authorization: Bearer <token> or X-API-Key: <key>","instance":"/api/v1/marbles"}
 * }</pre>
 *
 * @param type a URI identifying the kind of problem
 * @param title a short summary of the kind
 * @param status the HTTP status
 * @param detail what went wrong this time (never a credential)
 * @param instance the request path
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record SecurityProblem(String type, String title, int status, String detail, String instance) {

    /** The media type of problem details. */
    public static final String MEDIA_TYPE = "application/problem+json";
}
