package dev.weft.events;

/**
 * The chaincode definition is committed on the channel.
 *
 * @param chaincode the chaincode name
 * @param channel the channel
 * @param version the committed version
 * @param sequence the committed sequence
 */
public record ChaincodeCommitted(String chaincode, String channel, String version, Long sequence) implements EventData {

    public ChaincodeCommitted {
        Fields.required(chaincode, "chaincode");
        Fields.required(channel, "channel");
        Fields.required(version, "version");
        Fields.required(sequence, "sequence");
    }

    @Override
    public String subject() {
        return chaincode;
    }
}
