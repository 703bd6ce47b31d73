package dev.weft.chaincode.marbles.server;

import dev.weft.chaincode.marbles.MarblesChaincode;
import java.util.Properties;
import org.hyperledger.fabric.shim.ChaincodeBase;
import org.hyperledger.fabric.shim.ChaincodeStub;

/**
 * The shim's view of the chaincode for one peer connection. The shim keeps the protocol state (CREATED, ESTABLISHED,
 * READY) in the {@link ChaincodeBase} instance, so one instance per connection keeps two peers (or a reconnecting
 * peer) from resetting each other's stream; the marbles logic itself is shared and stateless.
 */
final class ConnectionChaincode extends ChaincodeBase {

    private final MarblesChaincode marbles;
    private final Properties config;

    ConnectionChaincode(MarblesChaincode marbles, Properties config) {
        this.marbles = marbles;
        this.config = config;
    }

    @Override
    public Response init(ChaincodeStub stub) {
        return marbles.init(stub);
    }

    @Override
    public Response invoke(ChaincodeStub stub) {
        return marbles.invoke(stub);
    }

    /** Replaces the shim's lookup of a {@code config.props} resource: the settings come from {@link ServerConfig}. */
    @Override
    public Properties getChaincodeConfig() {
        return config;
    }
}
