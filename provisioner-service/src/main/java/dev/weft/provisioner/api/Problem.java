package dev.weft.provisioner.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.weft.provisioner.spec.SpecProblem;
import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem details body ({@code application/problem+json}); for an invalid spec, {@code errors} names
 * each field at fault.
 *
 * <pre>{@code
 * {"type":"https://weft.dev/problems/invalid-spec","title":"Invalid network spec","status":400,
 *  "detail":"2 problems in the spec","errors":[{"field":"peerOrgs[1].mspId","message":"duplicate MSP id ..."}]}
 * }</pre>
 *
 * @param type a URI identifying the kind of problem
 * @param title a short summary of the kind
 * @param status the HTTP status
 * @param detail what went wrong this time
 * @param instance the request path
 * @param errors the field problems, for invalid specs
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, String instance, List<FieldError> errors) {

    /** The media type of problem details. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /**
     * One field at fault.
     *
     * @param field dotted path with list indexes, e.g. {@code peerOrgs[1].mspId}; empty for the whole document
     * @param message what is wrong
     */
    public record FieldError(String field, String message) {
        static FieldError of(SpecProblem p) {
            return new FieldError(p.field(), p.message());
        }
    }
}
