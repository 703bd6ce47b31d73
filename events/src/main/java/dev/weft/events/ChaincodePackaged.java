package dev.weft.events;

/**
 * The package for one organization was built (its {@code connection.json} holds that organization's address).
 *
 * @param chaincode the chaincode name
 * @param organization the MSP id the package is for
 * @param label the package label
 * @param packageId {@code label:sha256} of the package bytes
 * @param packageType {@code ccaas} or {@code external}
 */
public record ChaincodePackaged(
        String chaincode, String organization, String label, String packageId, String packageType)
        implements EventData {

    public ChaincodePackaged {
        Fields.required(chaincode, "chaincode");
        Fields.required(organization, "organization");
        Fields.required(packageId, "packageId");
    }

    @Override
    public String subject() {
        return chaincode;
    }
}
