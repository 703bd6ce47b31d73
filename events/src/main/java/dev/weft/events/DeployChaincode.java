package dev.weft.events;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Command: deploy (or upgrade, or converge) a chaincode. The same spec sent twice changes nothing the second time.
 *
 * @param chaincode the chaincode name; must equal the spec's name
 * @param network the network to deploy on
 * @param spec the {@code ChaincodeSpec} as JSON, validated by the lifecycle service
 */
public record DeployChaincode(String chaincode, String network, JsonNode spec) implements EventData {

    public DeployChaincode {
        Fields.required(chaincode, "chaincode");
        Fields.required(network, "network");
        Fields.required(spec, "spec");
    }

    @Override
    public String subject() {
        return chaincode;
    }
}
