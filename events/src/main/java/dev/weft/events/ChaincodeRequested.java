package dev.weft.events;

import java.util.List;

/**
 * A chaincode spec was accepted and its deployment begins.
 *
 * @param chaincode the chaincode name
 * @param network the network it is deployed on
 * @param channel the channel it is defined on
 * @param version the chaincode version
 * @param organizations the MSP ids of the organizations that install and approve it
 */
public record ChaincodeRequested(
        String chaincode, String network, String channel, String version, List<String> organizations)
        implements EventData {

    public ChaincodeRequested {
        Fields.required(chaincode, "chaincode");
        Fields.required(network, "network");
        Fields.required(channel, "channel");
        Fields.required(version, "version");
        organizations = Fields.list(organizations);
    }

    @Override
    public String subject() {
        return chaincode;
    }
}
