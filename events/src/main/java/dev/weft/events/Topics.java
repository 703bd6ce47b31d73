package dev.weft.events;

/**
 * Kafka topic names. The record key is always the event's subject (the network, chaincode or marble name), so every
 * event about one subject stays in order on one partition.
 */
public final class Topics {

    /** Progress and outcome of network provisioning. */
    public static final String NETWORK = "weft.network";

    /** Commands for the provisioner ({@link ProvisionNetwork}). */
    public static final String NETWORK_COMMANDS = "weft.network.commands";

    /** Progress and outcome of chaincode deployments. */
    public static final String CHAINCODE = "weft.chaincode";

    /** Commands for the lifecycle service ({@link DeployChaincode}). */
    public static final String CHAINCODE_COMMANDS = "weft.chaincode.commands";

    /** Ledger events of the marbles chaincode, published by the gateway. */
    public static final String MARBLES_EVENTS = "weft.marbles.events";

    private Topics() {}
}
