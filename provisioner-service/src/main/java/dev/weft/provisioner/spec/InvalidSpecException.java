package dev.weft.provisioner.spec;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A spec could not be parsed or is not valid; {@link #problems()} names every field at fault. Maps to HTTP 400.
 */
public class InvalidSpecException extends Exception {

    private final List<SpecProblem> problems;

    public InvalidSpecException(List<SpecProblem> problems) {
        super(problems.stream().map(SpecProblem::toString).collect(Collectors.joining("; ", "invalid spec: ", "")));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, never empty. */
    public List<SpecProblem> problems() {
        return problems;
    }
}
