package dev.weft.lifecycle.spec;

/**
 * One thing wrong with a spec.
 *
 * @param field the field path, e.g. {@code organizations[1]} or {@code resources.limits.cpu}
 * @param message what is wrong and what is allowed
 */
public record SpecProblem(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
