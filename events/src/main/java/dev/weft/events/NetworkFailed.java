package dev.weft.events;

/**
 * Provisioning stopped at a step. Re-submitting the same spec resumes at that step.
 *
 * @param network the network name
 * @param step the step that failed
 * @param error what went wrong, including the node and Fabric's message where there is one
 * @param hint what to check or do next; may be {@code null}
 */
public record NetworkFailed(String network, String step, String error, String hint) implements EventData {

    public NetworkFailed {
        Fields.required(network, "network");
        Fields.required(step, "step");
        Fields.required(error, "error");
    }

    @Override
    public String subject() {
        return network;
    }
}
