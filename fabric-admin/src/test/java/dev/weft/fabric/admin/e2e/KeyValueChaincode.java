package dev.weft.fabric.admin.e2e;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.hyperledger.fabric.metrics.Metrics;
import org.hyperledger.fabric.shim.ChaincodeBase;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.NettyChaincodeServer;
import org.hyperledger.fabric.traces.Traces;

/**
 * The smallest useful chaincode-as-a-service server: {@code put(key, value)} and {@code get(key)}.
 *
 * <p>Runs as its own process ({@link #main}) with {@code CORE_CHAINCODE_ID_NAME} set to the package id and {@code
 * CHAINCODE_SERVER_ADDRESS} to {@code host:port}, as the shim reads both from the environment.
 */
public final class KeyValueChaincode extends ChaincodeBase {

    @Override
    public Response init(ChaincodeStub stub) {
        return newSuccessResponse();
    }

    @Override
    public Response invoke(ChaincodeStub stub) {
        String function = stub.getFunction();
        List<String> args = stub.getParameters();
        switch (function) {
            case "put" -> {
                if (args.size() != 2) {
                    return newErrorResponse("put needs a key and a value");
                }
                stub.putStringState(args.get(0), args.get(1));
                return newSuccessResponse(args.get(1).getBytes(StandardCharsets.UTF_8));
            }
            case "get" -> {
                if (args.size() != 1) {
                    return newErrorResponse("get needs a key");
                }
                byte[] value = stub.getState(args.get(0));
                return value == null || value.length == 0
                        ? newErrorResponse("no value for key " + args.get(0))
                        : newSuccessResponse(value);
            }
            default -> {
                return newErrorResponse("unknown function " + function);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        // The steps ChaincodeBase.start() takes before it connects; skipping the config or the metrics/traces
        // set-up makes the first invocation fail ("Chaincode config not available", "No provider set").
        KeyValueChaincode chaincode = new KeyValueChaincode();
        chaincode.initializeLogging();
        chaincode.processEnvironmentOptions();
        chaincode.validateOptions();
        Properties config = chaincode.getChaincodeConfig();
        Metrics.initialize(config);
        Traces.initialize(config);
        new NettyChaincodeServer(chaincode, chaincode.getChaincodeServerConfig()).start();
    }
}
