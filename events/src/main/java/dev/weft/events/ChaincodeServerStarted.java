package dev.weft.events;

/**
 * An organization's chaincode server runs with the package id and accepts connections.
 *
 * @param chaincode the chaincode name
 * @param organization the MSP id it serves
 * @param address the address the peer dials, {@code host:port}
 * @param packageId the package id the server registers with
 * @param tlsMode {@code none}, {@code tls} or {@code mtls}
 */
public record ChaincodeServerStarted(
        String chaincode, String organization, String address, String packageId, String tlsMode) implements EventData {

    public ChaincodeServerStarted {
        Fields.required(chaincode, "chaincode");
        Fields.required(organization, "organization");
        Fields.required(address, "address");
        Fields.required(packageId, "packageId");
    }

    @Override
    public String subject() {
        return chaincode;
    }
}
