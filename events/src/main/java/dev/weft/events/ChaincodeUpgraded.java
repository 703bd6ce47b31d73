package dev.weft.events;

/**
 * A new definition replaced the previous one.
 *
 * @param chaincode the chaincode name
 * @param channel the channel
 * @param fromVersion the version before
 * @param toVersion the version now in force
 * @param fromSequence the sequence before
 * @param toSequence the sequence now in force
 */
public record ChaincodeUpgraded(
        String chaincode, String channel, String fromVersion, String toVersion, Long fromSequence, Long toSequence)
        implements EventData {

    public ChaincodeUpgraded {
        Fields.required(chaincode, "chaincode");
        Fields.required(channel, "channel");
        Fields.required(toVersion, "toVersion");
        Fields.required(toSequence, "toSequence");
    }

    @Override
    public String subject() {
        return chaincode;
    }
}
