package dev.weft.events;

/**
 * One step of provisioning changed state ({@code crypto}, {@code runtime-apply}, {@code nodes-ready},
 * {@code genesis}, {@code orderers-join}, {@code peers-join}, {@code ready}).
 *
 * @param network the network name
 * @param step the step name
 * @param status where the step stands
 * @param message a human-readable detail, e.g. {@code "orderer1 joined mychannel"}; may be {@code null}
 * @param durationMillis how long the step took, for finished steps; may be {@code null}
 */
public record NetworkStepProgressed(String network, String step, StepStatus status, String message, Long durationMillis)
        implements EventData {

    public NetworkStepProgressed {
        Fields.required(network, "network");
        Fields.required(step, "step");
        Fields.required(status, "status");
    }

    @Override
    public String subject() {
        return network;
    }
}
