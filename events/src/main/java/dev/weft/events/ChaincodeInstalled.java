package dev.weft.events;

/**
 * A package is installed on a peer.
 *
 * @param chaincode the chaincode name
 * @param organization the peer's MSP id
 * @param peer the peer name
 * @param packageId the installed package id
 * @param alreadyInstalled {@code true} when the peer had it already and nothing was sent
 */
public record ChaincodeInstalled(
        String chaincode, String organization, String peer, String packageId, boolean alreadyInstalled)
        implements EventData {

    public ChaincodeInstalled {
        Fields.required(chaincode, "chaincode");
        Fields.required(organization, "organization");
        Fields.required(peer, "peer");
        Fields.required(packageId, "packageId");
    }

    @Override
    public String subject() {
        return chaincode;
    }
}
