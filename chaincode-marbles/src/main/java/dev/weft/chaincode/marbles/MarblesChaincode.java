package dev.weft.chaincode.marbles;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hyperledger.fabric.shim.Chaincode;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ResponseUtils;

/**
 * The marbles chaincode: dispatches on the function name like marbles02's {@code Invoke} and turns every refusal into
 * an error response with a stable {@link ErrorCode}. It is stateless and thread-safe; one instance serves every
 * connection and transaction.
 *
 * <pre>{@code
 * MarblesChaincode marbles = new MarblesChaincode();
 * Chaincode.Response response = marbles.invoke(stub); // stub.getFunction() == "initMarble", ...
 * // success: status 200, payload = the marble JSON
 * // failure: status 500, message "MARBLE_ALREADY_EXISTS: This marble already exists: marble1",
 * //          payload {"code":"MARBLE_ALREADY_EXISTS","message":"This marble already exists: marble1"}
 * }</pre>
 */
public final class MarblesChaincode {

    private static final Logger LOG = Logger.getLogger(MarblesChaincode.class.getName());

    /** {@code Init}: nothing to set up, as in marbles02; the walkthrough calls it once after the commit. */
    public Chaincode.Response init(ChaincodeStub stub) {
        return ResponseUtils.newSuccessResponse();
    }

    /** Runs the function named by the first argument. Never throws. */
    public Chaincode.Response invoke(ChaincodeStub stub) {
        String functionName = stub.getFunction();
        try {
            MarbleFunction function = MarbleFunction.byName(functionName == null ? "" : functionName)
                    .orElseThrow(() -> new MarblesException(
                            ErrorCode.UNKNOWN_FUNCTION,
                            "Received unknown function invocation: '" + functionName + "'"));
            if (function == MarbleFunction.INIT) {
                // Init sent as an ordinary transaction (a definition committed without --init-required).
                return init(stub);
            }
            return ResponseUtils.newSuccessResponse(run(function, stub, stub.getParameters()));
        } catch (MarblesException e) {
            LOG.log(Level.FINE, e, () -> functionName + " refused: " + e.code() + ": " + e.getMessage());
            return error(e.code(), e.getMessage(), e.argument().orElse(null));
        } catch (RuntimeException e) {
            // A bug, not a refusal: log the trace here, send only the message to the peer.
            LOG.log(Level.SEVERE, e, () -> functionName + " failed");
            return error(ErrorCode.INTERNAL_ERROR, functionName + " failed: " + e, null);
        }
    }

    private static byte[] run(MarbleFunction function, ChaincodeStub stub, List<String> parameters) {
        Arguments args = Arguments.of(function, parameters);
        Ledger ledger = new Ledger(stub, function.functionName());
        return switch (function) {
            case INIT_MARBLE -> MarbleCommands.initMarble(ledger, args);
            case DELETE -> MarbleCommands.delete(ledger, args);
            case TRANSFER_MARBLE -> MarbleCommands.transferMarble(ledger, args);
            case TRANSFER_MARBLES_BASED_ON_COLOR -> MarbleCommands.transferMarblesBasedOnColor(ledger, args);
            case READ_MARBLE -> MarbleQueries.readMarble(ledger, args);
            case GET_MARBLES_BY_RANGE -> MarbleQueries.getMarblesByRange(ledger, args);
            case GET_MARBLES_BY_RANGE_WITH_PAGINATION -> MarbleQueries.getMarblesByRangeWithPagination(ledger, args);
            case QUERY_MARBLES_BY_OWNER -> MarbleQueries.queryMarblesByOwner(ledger, args);
            case QUERY_MARBLES -> MarbleQueries.queryMarbles(ledger, args);
            case QUERY_MARBLES_WITH_PAGINATION -> MarbleQueries.queryMarblesWithPagination(ledger, args);
            case GET_HISTORY_FOR_MARBLE -> MarbleQueries.getHistoryForMarble(ledger, args);
            case INIT -> new byte[0];
        };
    }

    private static Chaincode.Response error(ErrorCode code, String message, String argument) {
        ObjectNode payload = MarbleJson.object();
        payload.put("code", code.name());
        payload.put("message", message);
        if (argument != null) {
            payload.put("argument", argument);
        }
        return ResponseUtils.newErrorResponse(code.name() + ": " + message, MarbleJson.write(payload));
    }
}
