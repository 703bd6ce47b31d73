package dev.weft.gateway.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.weft.gateway.marbles.MarblesError;
import java.util.List;

/**
 * An RFC 9457 problem details body ({@code application/problem+json}) with Weft's extensions.
 *
 * <pre>{@code
 * {"type":"https://weft.dev/problems/commit-status-unknown","title":"Commit status unknown","status":504,
 *  "detail":"...","instance":"/api/v1/marbles","transactionId":"a1b2..."}
 * }</pre>
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        String transactionId,
        String field,
        List<MarblesError.PeerMessage> peers) {

    /** The media type of problem details. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /** The problem for a marbles error at {@code instance}. */
    public static Problem of(MarblesError error, String instance) {
        MarblesError.Kind kind = error.kind();
        return new Problem(
                kind.type(),
                kind.title(),
                kind.httpStatus(),
                error.detail(),
                instance,
                error.transactionId(),
                error.field(),
                error.peers());
    }
}
