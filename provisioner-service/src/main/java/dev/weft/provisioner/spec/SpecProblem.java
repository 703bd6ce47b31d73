package dev.weft.provisioner.spec;

import java.util.Objects;

/**
 * One thing wrong with a spec.
 *
 * <pre>{@code
 * new SpecProblem("peerOrgs[1].mspId", "duplicate MSP id 'Org1MSP' (also used by peerOrgs[0].mspId)")
 * }</pre>
 *
 * @param field path of the offending field, dotted with list indexes, e.g. {@code peerOrgs[1].mspId}; empty for the
 *     document as a whole
 * @param message what is wrong, for a human
 */
public record SpecProblem(String field, String message) {

    public SpecProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return field.isEmpty() ? message : field + ": " + message;
    }
}
