package dev.weft.chaincode.testpeer;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * What the chaincode answered to one transaction.
 *
 * <pre>{@code
 * TransactionResult result = connection.invoke("readMarble", "marble1");
 * if (result.isSuccess()) {
 *     String json = result.payloadUtf8();
 * } else {
 *     String reason = result.message(); // e.g. "MARBLE_NOT_FOUND: ..."
 * }
 * }</pre>
 *
 * @param txId the transaction id the peer assigned
 * @param outcome whether the chaincode sent {@code COMPLETED} (a response, successful or not) or {@code ERROR} (the
 *     chaincode failed to produce a response at all)
 * @param status the response status (200 success, 500 error; 500 for an {@code ERROR} message)
 * @param message the response message (the error text for failures)
 * @param payload the response payload
 * @param event the chaincode event the transaction set, if any
 * @param committed whether the test peer applied the transaction's writes to the world state
 */
public record TransactionResult(
        String txId,
        Outcome outcome,
        int status,
        String message,
        byte[] payload,
        Optional<ChaincodeEventRecord> event,
        boolean committed) {

    /** The chaincode message type that ended the transaction. */
    public enum Outcome {
        COMPLETED,
        ERROR
    }

    public TransactionResult {
        Objects.requireNonNull(txId, "txId");
        Objects.requireNonNull(outcome, "outcome");
        message = message == null ? "" : message;
        payload = payload == null ? new byte[0] : payload.clone();
        event = event == null ? Optional.empty() : event;
    }

    /** Whether the response status is a success (below 400, as the peer judges endorsements). */
    public boolean isSuccess() {
        return outcome == Outcome.COMPLETED && status < 400;
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** The payload as UTF-8 text. */
    public String payloadUtf8() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    /**
     * A chaincode event.
     *
     * @param name the event name
     * @param payload the event payload
     */
    public record ChaincodeEventRecord(String name, byte[] payload) {

        public ChaincodeEventRecord {
            Objects.requireNonNull(name, "name");
            payload = payload == null ? new byte[0] : payload.clone();
        }

        @Override
        public byte[] payload() {
            return payload.clone();
        }

        /** The payload as UTF-8 text. */
        public String payloadUtf8() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }
}
