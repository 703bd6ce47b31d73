package dev.weft.events;

import java.util.List;

/**
 * A network spec was accepted and provisioning begins.
 *
 * @param network the network name
 * @param runtime {@code kubernetes} or {@code local}
 * @param namespace the Kubernetes namespace, or {@code null} for the local runtime
 * @param organizations the MSP ids of every organization, orderer org first
 * @param channels the channel names
 */
public record NetworkRequested(
        String network, String runtime, String namespace, List<String> organizations, List<String> channels)
        implements EventData {

    public NetworkRequested {
        Fields.required(network, "network");
        Fields.required(runtime, "runtime");
        organizations = Fields.list(organizations);
        channels = Fields.list(channels);
    }

    @Override
    public String subject() {
        return network;
    }
}
