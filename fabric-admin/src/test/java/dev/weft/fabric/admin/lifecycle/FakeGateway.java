package dev.weft.fabric.admin.lifecycle;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.gateway.CommitStatusResponse;
import org.hyperledger.fabric.protos.gateway.EndorseRequest;
import org.hyperledger.fabric.protos.gateway.EndorseResponse;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;
import org.hyperledger.fabric.protos.gateway.EvaluateRequest;
import org.hyperledger.fabric.protos.gateway.EvaluateResponse;
import org.hyperledger.fabric.protos.gateway.GatewayGrpc;
import org.hyperledger.fabric.protos.gateway.SignedCommitStatusRequest;
import org.hyperledger.fabric.protos.gateway.SubmitRequest;
import org.hyperledger.fabric.protos.gateway.SubmitResponse;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeEndorsedAction;
import org.hyperledger.fabric.protos.peer.ChaincodeInvocationSpec;
import org.hyperledger.fabric.protos.peer.ChaincodeProposalPayload;
import org.hyperledger.fabric.protos.peer.Proposal;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.Response;
import org.hyperledger.fabric.protos.peer.SignedProposal;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.hyperledger.fabric.protos.peer.TransactionAction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * An in-process Fabric Gateway service for the {@code _lifecycle} calls: per function a scripted result or error,
 * and every evaluate/endorse request recorded with its target organizations.
 */
final class FakeGateway implements AutoCloseable {

    /** A recorded evaluate or endorse call. */
    record Call(String kind, String function, ByteString argument, List<String> organizations) {}

    private final Map<String, Function<Call, ByteString>> results = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile TxValidationCode commitCode = TxValidationCode.VALID;
    private volatile long evaluateDelayMillis;
    private final Server server;
    private final ManagedChannel channel;

    FakeGateway() {
        String name = InProcessServerBuilder.generateName();
        try {
            server = InProcessServerBuilder.forName(name)
                    .addService(new Service())
                    .build()
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        channel = InProcessChannelBuilder.forName(name).build();
    }

    ManagedChannel channel() {
        return channel;
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Answers {@code function} with a result payload. */
    FakeGateway on(String function, Function<Call, ByteString> result) {
        results.put(function, result);
        return this;
    }

    /** Fails {@code function} as the real gateway does: a status plus the endorser's message in the details. */
    FakeGateway failing(String function, Status.Code code, String endorserMessage) {
        return on(function, call -> {
            throw error(code, endorserMessage);
        });
    }

    FakeGateway commitCode(TxValidationCode code) {
        this.commitCode = code;
        return this;
    }

    FakeGateway evaluateDelay(long millis) {
        this.evaluateDelayMillis = millis;
        return this;
    }

    static StatusRuntimeException error(Status.Code code, String endorserMessage) {
        com.google.rpc.Status status = com.google.rpc.Status.newBuilder()
                .setCode(code.value())
                .setMessage("evaluate call to endorser returned error: " + endorserMessage)
                .addDetails(Any.pack(ErrorDetail.newBuilder()
                        .setAddress("127.0.0.1:7051")
                        .setMspId("Org1MSP")
                        .setMessage(endorserMessage)
                        .build()))
                .build();
        return StatusProto.toStatusRuntimeException(status);
    }

    private ByteString answer(String kind, SignedProposal proposal, List<String> organizations) {
        Call call = decode(kind, proposal, organizations);
        calls.add(call);
        Function<Call, ByteString> result = results.get(call.function());
        if (result == null) {
            throw Status.UNIMPLEMENTED
                    .withDescription("not scripted: " + call.function())
                    .asRuntimeException();
        }
        return result.apply(call);
    }

    private static Call decode(String kind, SignedProposal proposal, List<String> organizations) {
        try {
            ChaincodeInvocationSpec spec = ChaincodeInvocationSpec.parseFrom(ChaincodeProposalPayload.parseFrom(
                            Proposal.parseFrom(proposal.getProposalBytes()).getPayload())
                    .getInput());
            List<ByteString> args = spec.getChaincodeSpec().getInput().getArgsList();
            return new Call(
                    kind,
                    args.get(0).toStringUtf8(),
                    args.size() > 1 ? args.get(1) : ByteString.EMPTY,
                    List.copyOf(organizations));
        } catch (InvalidProtocolBufferException e) {
            throw Status.INVALID_ARGUMENT.withDescription("bad proposal").asRuntimeException();
        }
    }

    /** An envelope shaped like a real prepared transaction, so the client can read the result from it. */
    private static Envelope prepared(ByteString result) {
        ChaincodeAction action = ChaincodeAction.newBuilder()
                .setResponse(Response.newBuilder().setStatus(200).setPayload(result))
                .build();
        ChaincodeActionPayload actionPayload = ChaincodeActionPayload.newBuilder()
                .setAction(ChaincodeEndorsedAction.newBuilder()
                        .setProposalResponsePayload(ProposalResponsePayload.newBuilder()
                                .setExtension(action.toByteString())
                                .build()
                                .toByteString()))
                .build();
        Transaction transaction = Transaction.newBuilder()
                .addActions(TransactionAction.newBuilder().setPayload(actionPayload.toByteString()))
                .build();
        return Envelope.newBuilder()
                .setPayload(Payload.newBuilder()
                        .setData(transaction.toByteString())
                        .build()
                        .toByteString())
                .build();
    }

    private final class Service extends GatewayGrpc.GatewayImplBase {
        @Override
        public void evaluate(EvaluateRequest request, StreamObserver<EvaluateResponse> out) {
            try {
                if (evaluateDelayMillis > 0) {
                    Thread.sleep(evaluateDelayMillis);
                }
                ByteString result =
                        answer("evaluate", request.getProposedTransaction(), request.getTargetOrganizationsList());
                out.onNext(EvaluateResponse.newBuilder()
                        .setResult(Response.newBuilder().setStatus(200).setPayload(result))
                        .build());
                out.onCompleted();
            } catch (StatusRuntimeException e) {
                out.onError(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void endorse(EndorseRequest request, StreamObserver<EndorseResponse> out) {
            try {
                ByteString result =
                        answer("endorse", request.getProposedTransaction(), request.getEndorsingOrganizationsList());
                out.onNext(EndorseResponse.newBuilder()
                        .setPreparedTransaction(prepared(result))
                        .build());
                out.onCompleted();
            } catch (StatusRuntimeException e) {
                out.onError(e);
            }
        }

        @Override
        public void submit(SubmitRequest request, StreamObserver<SubmitResponse> out) {
            out.onNext(SubmitResponse.getDefaultInstance());
            out.onCompleted();
        }

        @Override
        public void commitStatus(SignedCommitStatusRequest request, StreamObserver<CommitStatusResponse> out) {
            out.onNext(CommitStatusResponse.newBuilder()
                    .setResult(commitCode)
                    .setBlockNumber(7)
                    .build());
            out.onCompleted();
        }
    }

    @Override
    public void close() {
        channel.shutdownNow();
        server.shutdownNow();
    }
}
