package dev.weft.events;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Command: provision (or converge) a network. The same spec sent twice changes nothing the second time.
 *
 * @param network the network name; must equal the spec's name
 * @param spec the {@code NetworkSpec} as JSON, validated by the provisioner
 */
public record ProvisionNetwork(String network, JsonNode spec) implements EventData {

    public ProvisionNetwork {
        Fields.required(network, "network");
        Fields.required(spec, "spec");
    }

    @Override
    public String subject() {
        return network;
    }
}
