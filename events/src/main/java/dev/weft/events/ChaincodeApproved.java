package dev.weft.events;

/**
 * An organization approved the chaincode definition.
 *
 * @param chaincode the chaincode name
 * @param channel the channel
 * @param organization the approving MSP id
 * @param sequence the definition's sequence
 * @param packageId the package id the organization approved
 */
public record ChaincodeApproved(String chaincode, String channel, String organization, Long sequence, String packageId)
        implements EventData {

    public ChaincodeApproved {
        Fields.required(chaincode, "chaincode");
        Fields.required(channel, "channel");
        Fields.required(organization, "organization");
        Fields.required(sequence, "sequence");
    }

    @Override
    public String subject() {
        return chaincode;
    }
}
