package dev.weft.events;

/**
 * The chaincode is committed, initialised when required, and served for every organization: clients may call it.
 *
 * @param chaincode the chaincode name
 * @param network the network
 * @param channel the channel
 * @param version the version in force
 * @param sequence the sequence in force
 */
public record ChaincodeReady(String chaincode, String network, String channel, String version, Long sequence)
        implements EventData {

    public ChaincodeReady {
        Fields.required(chaincode, "chaincode");
        Fields.required(network, "network");
        Fields.required(channel, "channel");
        Fields.required(version, "version");
        Fields.required(sequence, "sequence");
    }

    @Override
    public String subject() {
        return chaincode;
    }
}
