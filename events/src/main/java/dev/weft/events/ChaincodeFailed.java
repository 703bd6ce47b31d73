package dev.weft.events;

/**
 * A deployment stopped at a step. Re-submitting the same spec resumes at that step.
 *
 * @param chaincode the chaincode name
 * @param step the step that failed, e.g. {@code approve}
 * @param organization the MSP id concerned, or {@code null}
 * @param peer the peer concerned, or {@code null}
 * @param error what went wrong, with Fabric's message
 * @param hint what to check next, e.g. "package id on server differs from the approved one"; may be {@code null}
 */
public record ChaincodeFailed(
        String chaincode, String step, String organization, String peer, String error, String hint)
        implements EventData {

    public ChaincodeFailed {
        Fields.required(chaincode, "chaincode");
        Fields.required(step, "step");
        Fields.required(error, "error");
    }

    @Override
    public String subject() {
        return chaincode;
    }
}
