package dev.weft.gateway.fabric;

import dev.weft.gateway.marbles.MarblesError;
import io.grpc.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hyperledger.fabric.client.CommitStatusException;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.SubmitException;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * Translates what the Fabric Gateway client throws into a {@link MarblesError}.
 *
 * <p>The marbles chaincode starts every error message with a stable code ({@code MARBLE_NOT_FOUND: ...}); the peer's
 * gateway wraps it as {@code chaincode response 500, MARBLE_NOT_FOUND: ...} in the status message (evaluate) or in
 * the per-peer error details (endorse). The code decides the error; anything else from endorsement is an
 * endorsement failure carrying every peer's message.
 *
 * <pre>{@code
 * MarblesError error = FabricErrorMapper.map(gatewayException);
 * MarblesError invalid = FabricErrorMapper.invalidTransaction("a1b2", TxValidationCode.MVCC_READ_CONFLICT);
 * }</pre>
 */
public final class FabricErrorMapper {

    private static final Pattern CHAINCODE_CODE = Pattern.compile(
            "(INCORRECT_ARGUMENT_COUNT|INVALID_ARGUMENT|UNKNOWN_FUNCTION|MARBLE_NOT_FOUND|MARBLE_ALREADY_EXISTS"
                    + "|RICH_QUERY_UNSUPPORTED|LEDGER_ERROR|CORRUPT_STATE|INTERNAL_ERROR): (.*)",
            Pattern.DOTALL);

    /** Chaincode messages about one argument name it: "size must be a whole number", "pageSize must be at least 1". */
    private static final Pattern LEADING_WORD = Pattern.compile("^([A-Za-z]+) ");

    private FabricErrorMapper() {}

    /** The error for a failed evaluate, endorse, submit or commit-status call. */
    public static MarblesError map(GatewayException e) {
        String transactionId =
                e instanceof org.hyperledger.fabric.client.TransactionException tx ? tx.getTransactionId() : null;
        Status status = e.getStatus();
        List<MarblesError.PeerMessage> peers = peers(e.getDetails());
        MarblesError chaincode = chaincodeError(status.getDescription(), peers);
        if (chaincode != null && !(e instanceof SubmitException) && !(e instanceof CommitStatusException)) {
            return chaincode;
        }
        String description = describe(status);
        if (e instanceof CommitStatusException) {
            return new MarblesError.CommitStatusUnknown(
                    transactionId,
                    "the commit status of transaction " + transactionId + " did not arrive: " + description
                            + "; the transaction may still commit");
        }
        if (status.getCode() == Status.Code.DEADLINE_EXCEEDED) {
            return new MarblesError.Timeout(transactionId, description);
        }
        if (status.getCode() == Status.Code.UNAVAILABLE && peers.isEmpty()) {
            return new MarblesError.Unavailable("no peer answered: " + description);
        }
        if (e instanceof SubmitException) {
            return new MarblesError.SubmitFailed(transactionId, description);
        }
        String stage = e instanceof EndorseException ? "endorse" : "evaluate";
        return new MarblesError.EndorsementFailed(stage + " failed: " + description, peers);
    }

    /** The error for a transaction the peers marked invalid. */
    public static MarblesError invalidTransaction(String transactionId, TxValidationCode code) {
        String detail = "transaction " + transactionId + " was invalidated: " + code;
        if (code == TxValidationCode.MVCC_READ_CONFLICT || code == TxValidationCode.PHANTOM_READ_CONFLICT) {
            return new MarblesError.ReadConflict(
                    transactionId, detail + " (a concurrent transaction changed what it read); retry");
        }
        return new MarblesError.TransactionInvalid(transactionId, code.name(), detail);
    }

    private static MarblesError chaincodeError(String description, List<MarblesError.PeerMessage> peers) {
        List<String> messages = new ArrayList<>();
        if (description != null) {
            messages.add(description);
        }
        peers.forEach(peer -> messages.add(peer.message()));
        for (String message : messages) {
            Matcher matcher = CHAINCODE_CODE.matcher(message);
            if (matcher.find()) {
                return fromCode(matcher.group(1), matcher.group(2).trim(), peers);
            }
        }
        return null;
    }

    private static MarblesError fromCode(String code, String message, List<MarblesError.PeerMessage> peers) {
        return switch (code) {
            case "MARBLE_NOT_FOUND" -> new MarblesError.NotFound(message);
            case "MARBLE_ALREADY_EXISTS" -> new MarblesError.AlreadyExists(message);
            case "INVALID_ARGUMENT", "INCORRECT_ARGUMENT_COUNT" ->
                new MarblesError.InvalidInput(field(message), message);
            case "RICH_QUERY_UNSUPPORTED" -> new MarblesError.RichQueryUnsupported(message);
            default -> new MarblesError.EndorsementFailed("chaincode failed: " + code + ": " + message, peers);
        };
    }

    private static String field(String message) {
        Matcher matcher = LEADING_WORD.matcher(message);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static List<MarblesError.PeerMessage> peers(List<ErrorDetail> details) {
        return details.stream()
                .map(d -> new MarblesError.PeerMessage(d.getAddress(), d.getMspId(), d.getMessage()))
                .toList();
    }

    private static String describe(Status status) {
        return status.getDescription() == null
                ? status.getCode().name()
                : status.getCode() + ": " + status.getDescription();
    }
}
