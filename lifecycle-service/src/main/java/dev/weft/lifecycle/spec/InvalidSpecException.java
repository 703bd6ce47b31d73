package dev.weft.lifecycle.spec;

import java.util.List;
import java.util.stream.Collectors;

/** A spec that cannot be deployed, with every problem found (not only the first). */
public class InvalidSpecException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<SpecProblem> problems;

    public InvalidSpecException(List<SpecProblem> problems) {
        super("invalid chaincode spec: "
                + problems.stream().map(SpecProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    /** The problems, each naming its field. */
    public List<SpecProblem> problems() {
        return problems;
    }
}
