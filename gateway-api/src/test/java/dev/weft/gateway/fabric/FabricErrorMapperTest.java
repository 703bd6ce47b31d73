package dev.weft.gateway.fabric;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import dev.weft.gateway.marbles.MarblesError;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import org.hyperledger.fabric.client.CommitStatusException;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.SubmitException;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.Test;

/** Every branch of the mapping, from errors shaped as Fabric 2.5's gateway sends them. */
class FabricErrorMapperTest {

    private static StatusRuntimeException withDetail(int code, String message, String peerMessage) {
        return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(code)
                .setMessage(message)
                .addDetails(Any.pack(ErrorDetail.newBuilder()
                        .setAddress("peer0:7051")
                        .setMspId("Org1MSP")
                        .setMessage(peerMessage)
                        .build()))
                .build());
    }

    @Test
    void evaluate_chaincode_codes_come_from_the_status_message() {
        GatewayException e = new GatewayException(withDetail(
                2,
                "evaluate call to endorser returned error: chaincode response 500, MARBLE_NOT_FOUND: Marble does not"
                        + " exist: m1",
                "chaincode response 500, MARBLE_NOT_FOUND: Marble does not exist: m1"));
        MarblesError error = FabricErrorMapper.map(e);
        assertThat(error).isEqualTo(new MarblesError.NotFound("Marble does not exist: m1"));
    }

    @Test
    void endorse_chaincode_codes_come_from_the_peer_details() {
        EndorseException e = new EndorseException(
                "tx1",
                withDetail(
                        10,
                        "failed to endorse transaction, see attached details for more info",
                        "chaincode response 500, MARBLE_ALREADY_EXISTS: This marble already exists: m1"));
        assertThat(FabricErrorMapper.map(e)).isInstanceOf(MarblesError.AlreadyExists.class);
    }

    @Test
    void invalid_arguments_name_the_field() {
        GatewayException e = new GatewayException(withDetail(
                2, "x", "chaincode response 500, INVALID_ARGUMENT: size must be a numeric string, got 'big'"));
        MarblesError error = FabricErrorMapper.map(e);
        assertThat(error.kind()).isEqualTo(MarblesError.Kind.INVALID_INPUT);
        assertThat(error.field()).isEqualTo("size");
    }

    @Test
    void rich_query_refusals_are_unsupported() {
        GatewayException e = new GatewayException(
                withDetail(2, "x", "chaincode response 500, RICH_QUERY_UNSUPPORTED: needs CouchDB"));
        assertThat(FabricErrorMapper.map(e).kind()).isEqualTo(MarblesError.Kind.RICH_QUERY_UNSUPPORTED);
    }

    @Test
    void other_chaincode_failures_are_endorsement_failures_with_peers() {
        GatewayException e = new GatewayException(
                withDetail(2, "x", "chaincode response 500, CORRUPT_STATE: the value stored under 'm1' is not JSON"));
        MarblesError error = FabricErrorMapper.map(e);
        assertThat(error.kind()).isEqualTo(MarblesError.Kind.ENDORSEMENT_FAILED);
        assertThat(error.peers()).extracting(MarblesError.PeerMessage::mspId).containsExactly("Org1MSP");
    }

    @Test
    void non_chaincode_endorsement_failures_keep_every_peer_message() {
        EndorseException e = new EndorseException(
                "tx1", withDetail(10, "failed to endorse transaction", "endorsement policy not satisfied"));
        MarblesError error = FabricErrorMapper.map(e);
        assertThat(error.kind()).isEqualTo(MarblesError.Kind.ENDORSEMENT_FAILED);
        assertThat(error.peers())
                .containsExactly(
                        new MarblesError.PeerMessage("peer0:7051", "Org1MSP", "endorsement policy not satisfied"));
    }

    @Test
    void unreachable_peers_are_unavailable() {
        GatewayException e = new GatewayException(
                Status.UNAVAILABLE.withDescription("io exception").asRuntimeException());
        assertThat(FabricErrorMapper.map(e).kind()).isEqualTo(MarblesError.Kind.UNAVAILABLE);
    }

    @Test
    void deadlines_before_the_commit_wait_are_timeouts_with_the_transaction_id() {
        EndorseException e = new EndorseException("tx9", Status.DEADLINE_EXCEEDED.asRuntimeException());
        MarblesError error = FabricErrorMapper.map(e);
        assertThat(error.kind()).isEqualTo(MarblesError.Kind.TIMEOUT);
        assertThat(error.transactionId()).isEqualTo("tx9");
    }

    @Test
    void orderer_refusals_are_submit_failures() {
        SubmitException e = new SubmitException(
                "tx2", Status.ABORTED.withDescription("no quorum").asRuntimeException());
        MarblesError error = FabricErrorMapper.map(e);
        assertThat(error.kind()).isEqualTo(MarblesError.Kind.SUBMIT_FAILED);
        assertThat(error.transactionId()).isEqualTo("tx2");
    }

    @Test
    void commit_status_failures_are_unknown_outcomes_with_the_transaction_id() {
        CommitStatusException e = new CommitStatusException("tx3", Status.DEADLINE_EXCEEDED.asRuntimeException());
        MarblesError error = FabricErrorMapper.map(e);
        assertThat(error.kind()).isEqualTo(MarblesError.Kind.COMMIT_STATUS_UNKNOWN);
        assertThat(error.kind().httpStatus()).isEqualTo(504);
        assertThat(error.transactionId()).isEqualTo("tx3");
    }

    @Test
    void read_conflicts_are_409_and_other_invalidations_502() {
        assertThat(FabricErrorMapper.invalidTransaction("t", TxValidationCode.MVCC_READ_CONFLICT)
                        .kind())
                .isEqualTo(MarblesError.Kind.READ_CONFLICT);
        assertThat(FabricErrorMapper.invalidTransaction("t", TxValidationCode.PHANTOM_READ_CONFLICT)
                        .kind())
                .isEqualTo(MarblesError.Kind.READ_CONFLICT);
        MarblesError policy = FabricErrorMapper.invalidTransaction("t", TxValidationCode.ENDORSEMENT_POLICY_FAILURE);
        assertThat(policy.kind()).isEqualTo(MarblesError.Kind.TRANSACTION_INVALID);
        assertThat(policy.kind().httpStatus()).isEqualTo(502);
    }
}
