package dev.weft.events;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** One fully populated body per event type, so a new type cannot be added without a round-trip test. */
final class Samples {

    private Samples() {}

    static Map<EventType, EventData> all() {
        ObjectNode networkSpec = JsonNodeFactory.instance.objectNode().put("name", "net1");
        networkSpec.putObject("ordererOrg").put("orderers", 3);
        ObjectNode chaincodeSpec =
                JsonNodeFactory.instance.objectNode().put("name", "marbles").put("version", "1.0");
        return Map.ofEntries(
                Map.entry(
                        EventType.NETWORK_REQUESTED,
                        new NetworkRequested(
                                "net1", "local", null, List.of("OrdererMSP", "Org1MSP"), List.of("mychannel"))),
                Map.entry(
                        EventType.NETWORK_STEP_PROGRESSED,
                        new NetworkStepProgressed("net1", "genesis", StepStatus.SUCCEEDED, "block 0 written", 12L)),
                Map.entry(
                        EventType.NETWORK_READY,
                        new NetworkReady(
                                "net1",
                                "kubernetes",
                                "fabric",
                                List.of("mychannel"),
                                List.of(new NetworkReady.Orderer(
                                        "orderer0",
                                        "orderer0.fabric:7050",
                                        "orderer0.fabric:7053",
                                        "orderer0.fabric",
                                        "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n")),
                                List.of(new NetworkReady.Organization(
                                        "Org1MSP",
                                        "-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----\n",
                                        "secret:fabric/org1-admin",
                                        "ca-org1.fabric:7054",
                                        List.of(new NetworkReady.Peer(
                                                "peer0", "peer0-org1.fabric:7051", "peer0-org1.fabric")))))),
                Map.entry(
                        EventType.NETWORK_FAILED,
                        new NetworkFailed("net1", "orderers-join", "orderer1: 400 bad block", "check the block")),
                Map.entry(
                        EventType.CHAINCODE_REQUESTED,
                        new ChaincodeRequested("marbles", "net1", "mychannel", "1.0", List.of("Org1MSP", "Org2MSP"))),
                Map.entry(
                        EventType.CHAINCODE_PACKAGED,
                        new ChaincodePackaged("marbles", "Org1MSP", "marbles_1.0", "marbles_1.0:ab12", "ccaas")),
                Map.entry(
                        EventType.CHAINCODE_INSTALLED,
                        new ChaincodeInstalled("marbles", "Org1MSP", "peer0", "marbles_1.0:ab12", true)),
                Map.entry(
                        EventType.CHAINCODE_SERVER_STARTED,
                        new ChaincodeServerStarted(
                                "marbles",
                                "Org1MSP",
                                "chaincode-marbles-org1.fabric:7052",
                                "marbles_1.0:ab12",
                                "mtls")),
                Map.entry(
                        EventType.CHAINCODE_APPROVED,
                        new ChaincodeApproved("marbles", "mychannel", "Org2MSP", 1L, "marbles_1.0:cd34")),
                Map.entry(EventType.CHAINCODE_COMMITTED, new ChaincodeCommitted("marbles", "mychannel", "1.0", 1L)),
                Map.entry(EventType.CHAINCODE_READY, new ChaincodeReady("marbles", "net1", "mychannel", "1.0", 1L)),
                Map.entry(
                        EventType.CHAINCODE_FAILED,
                        new ChaincodeFailed(
                                "marbles",
                                "approve",
                                "Org1MSP",
                                "peer0",
                                "chaincode definition not agreed",
                                "package id on server differs from the approved one")),
                Map.entry(
                        EventType.CHAINCODE_UPGRADED,
                        new ChaincodeUpgraded("marbles", "mychannel", "1.0", "2.0", 1L, 2L)),
                Map.entry(EventType.MARBLE_CREATED, new MarbleCreated("marble1", "blue", 35, "tom", "tx1", 5L)),
                Map.entry(EventType.MARBLE_TRANSFERRED, new MarbleTransferred("marble1", "jerry", "tx2", 6L)),
                Map.entry(EventType.MARBLE_DELETED, new MarbleDeleted("marble1", "tx3", 7L)),
                Map.entry(EventType.PROVISION_NETWORK, new ProvisionNetwork("net1", networkSpec)),
                Map.entry(EventType.DEPLOY_CHAINCODE, new DeployChaincode("marbles", "net1", chaincodeSpec)));
    }
}
