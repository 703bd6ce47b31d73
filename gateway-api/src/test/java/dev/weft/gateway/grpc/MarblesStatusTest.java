package dev.weft.gateway.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import dev.weft.gateway.grpc.v1.PeerError;
import dev.weft.gateway.marbles.MarblesError;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarblesStatusTest {

    private static final String TX = "a1b2c3";

    private static <T extends com.google.protobuf.Message> List<T> details(
            com.google.rpc.Status status, Class<T> type) {
        return status.getDetailsList().stream()
                .filter(any -> any.is(type))
                .map(any -> unpack(any, type))
                .toList();
    }

    private static <T extends com.google.protobuf.Message> T unpack(Any any, Class<T> type) {
        try {
            return any.unpack(type);
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }

    private static ErrorInfo info(com.google.rpc.Status status) {
        List<ErrorInfo> infos = details(status, ErrorInfo.class);
        assertThat(infos).hasSize(1);
        assertThat(infos.get(0).getDomain()).isEqualTo("weft.dev");
        return infos.get(0);
    }

    private static void assertCode(com.google.rpc.Status status, Status.Code code) {
        assertThat(status.getCode()).isEqualTo(code.value());
    }

    @Test
    void invalid_input_is_invalid_argument_with_a_field_violation() {
        com.google.rpc.Status status =
                MarblesStatus.status(new MarblesError.InvalidInput("size", "size must not be negative, got -1"));

        assertCode(status, Status.Code.INVALID_ARGUMENT);
        assertThat(status.getMessage()).isEqualTo("size must not be negative, got -1");
        List<BadRequest> badRequests = details(status, BadRequest.class);
        assertThat(badRequests).hasSize(1);
        assertThat(badRequests.get(0).getFieldViolationsList()).singleElement().satisfies(v -> {
            assertThat(v.getField()).isEqualTo("size");
            assertThat(v.getDescription()).isEqualTo("size must not be negative, got -1");
        });
        assertThat(info(status).getReason()).isEqualTo("INVALID_INPUT");
        assertThat(info(status).getMetadataMap()).containsEntry("field", "size");
    }

    @Test
    void invalid_input_without_a_field_has_no_field_violation() {
        com.google.rpc.Status status = MarblesStatus.status(new MarblesError.InvalidInput(null, "bad arguments"));

        assertCode(status, Status.Code.INVALID_ARGUMENT);
        assertThat(details(status, BadRequest.class)).isEmpty();
        assertThat(info(status).getMetadataMap()).doesNotContainKey("field");
    }

    @Test
    void not_found_is_not_found() {
        com.google.rpc.Status status = MarblesStatus.status(new MarblesError.NotFound("Marble does not exist: m1"));

        assertCode(status, Status.Code.NOT_FOUND);
        assertThat(status.getMessage()).isEqualTo("Marble does not exist: m1");
        assertThat(info(status).getReason()).isEqualTo("NOT_FOUND");
        assertThat(info(status).getMetadataMap())
                .containsEntry("type", "https://weft.dev/problems/not-found")
                .doesNotContainKey("transactionId");
    }

    @Test
    void an_existing_marble_is_already_exists() {
        com.google.rpc.Status status =
                MarblesStatus.status(new MarblesError.AlreadyExists("This marble already exists: m1"));

        assertCode(status, Status.Code.ALREADY_EXISTS);
        assertThat(info(status).getReason()).isEqualTo("ALREADY_EXISTS");
    }

    @Test
    void a_read_conflict_is_aborted_with_the_transaction_id() {
        com.google.rpc.Status status = MarblesStatus.status(new MarblesError.ReadConflict(TX, "invalidated"));

        assertCode(status, Status.Code.ABORTED);
        assertThat(info(status).getReason()).isEqualTo("READ_CONFLICT");
        assertThat(info(status).getMetadataMap()).containsEntry("transactionId", TX);
    }

    @Test
    void a_reused_idempotency_key_is_failed_precondition() {
        com.google.rpc.Status status =
                MarblesStatus.status(new MarblesError.IdempotencyKeyReused("used for a different request"));

        assertCode(status, Status.Code.FAILED_PRECONDITION);
        assertThat(info(status).getReason()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void a_rich_query_on_leveldb_is_unimplemented() {
        com.google.rpc.Status status =
                MarblesStatus.status(new MarblesError.RichQueryUnsupported("rich queries need CouchDB"));

        assertCode(status, Status.Code.UNIMPLEMENTED);
        assertThat(info(status).getReason()).isEqualTo("RICH_QUERY_UNSUPPORTED");
    }

    @Test
    void an_endorsement_failure_is_unavailable_with_every_peers_message() {
        com.google.rpc.Status status = MarblesStatus.status(new MarblesError.EndorsementFailed(
                "endorse failed",
                List.of(
                        new MarblesError.PeerMessage("peer0:7051", "Org1MSP", "policy not satisfied"),
                        new MarblesError.PeerMessage("peer0:9051", "Org2MSP", "chaincode failed"))));

        assertCode(status, Status.Code.UNAVAILABLE);
        assertThat(info(status).getReason()).isEqualTo("ENDORSEMENT_FAILED");
        assertThat(details(status, PeerError.class))
                .extracting(PeerError::getAddress, PeerError::getMspId, PeerError::getMessage)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("peer0:7051", "Org1MSP", "policy not satisfied"),
                        org.assertj.core.groups.Tuple.tuple("peer0:9051", "Org2MSP", "chaincode failed"));
    }

    @Test
    void an_invalidated_transaction_is_aborted_with_the_transaction_id() {
        com.google.rpc.Status status = MarblesStatus.status(
                new MarblesError.TransactionInvalid(TX, "ENDORSEMENT_POLICY_FAILURE", "invalidated"));

        assertCode(status, Status.Code.ABORTED);
        assertThat(info(status).getReason()).isEqualTo("TRANSACTION_INVALID");
        assertThat(info(status).getMetadataMap()).containsEntry("transactionId", TX);
    }

    @Test
    void a_refused_submit_is_unavailable_with_the_transaction_id() {
        com.google.rpc.Status status = MarblesStatus.status(new MarblesError.SubmitFailed(TX, "orderer refused"));

        assertCode(status, Status.Code.UNAVAILABLE);
        assertThat(info(status).getReason()).isEqualTo("SUBMIT_FAILED");
        assertThat(info(status).getMetadataMap()).containsEntry("transactionId", TX);
    }

    @Test
    void unreachable_fabric_is_unavailable() {
        com.google.rpc.Status status = MarblesStatus.status(new MarblesError.Unavailable("no peer answered"));

        assertCode(status, Status.Code.UNAVAILABLE);
        assertThat(info(status).getReason()).isEqualTo("UNAVAILABLE");
        assertThat(details(status, PeerError.class)).isEmpty();
    }

    @Test
    void a_timeout_before_the_commit_wait_is_deadline_exceeded() {
        com.google.rpc.Status status = MarblesStatus.status(new MarblesError.Timeout(null, "endorse timed out"));

        assertCode(status, Status.Code.DEADLINE_EXCEEDED);
        assertThat(info(status).getReason()).isEqualTo("TIMEOUT");
        assertThat(info(status).getMetadataMap()).doesNotContainKey("transactionId");
    }

    @Test
    void an_unknown_commit_status_is_deadline_exceeded_with_the_transaction_id_to_check_later() {
        com.google.rpc.Status status = MarblesStatus.status(new MarblesError.CommitStatusUnknown(TX, "did not arrive"));

        assertCode(status, Status.Code.DEADLINE_EXCEEDED);
        assertThat(info(status).getReason()).isEqualTo("COMMIT_STATUS_UNKNOWN");
        assertThat(info(status).getMetadataMap()).containsEntry("transactionId", TX);
    }

    @Test
    void every_kind_has_a_grpc_code() {
        for (MarblesError.Kind kind : MarblesError.Kind.values()) {
            assertThat(MarblesStatus.code(kind)).as(kind.name()).isNotEqualTo(Status.Code.OK);
        }
    }

    @Test
    void the_details_travel_in_the_exception_trailers() {
        com.google.rpc.Status status = StatusProto.fromThrowable(
                MarblesStatus.exception(new MarblesError.CommitStatusUnknown(TX, "did not arrive")));

        assertThat(status).isNotNull();
        assertCode(status, Status.Code.DEADLINE_EXCEEDED);
        assertThat(info(status).getMetadataMap()).containsEntry("transactionId", TX);
    }
}
