package dev.weft.fabric.admin.peer;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.hyperledger.fabric.protos.peer.ChaincodeInvocationSpec;
import org.hyperledger.fabric.protos.peer.ChaincodeProposalPayload;
import org.hyperledger.fabric.protos.peer.EndorserGrpc;
import org.hyperledger.fabric.protos.peer.Proposal;
import org.hyperledger.fabric.protos.peer.ProposalResponse;
import org.hyperledger.fabric.protos.peer.Response;
import org.hyperledger.fabric.protos.peer.SignedProposal;

/**
 * An in-process Endorser service that answers per {@code chaincode/function} with a scripted behaviour and records
 * every call, for tests of the error paths a real peer is hard to drive into.
 */
public final class FakeEndorser implements AutoCloseable {

    /** What the fake does for one call. */
    public interface Behaviour extends Function<Call, ProposalResponse> {}

    /** A received call, decoded. */
    public record Call(String chaincode, String function, List<ByteString> arguments, SignedProposal signed) {}

    private final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Server server;
    private final ManagedChannel channel;

    public FakeEndorser() {
        String name = InProcessServerBuilder.generateName();
        try {
            // no direct executor: a hanging behaviour must not block the caller's thread, or deadlines never fire
            server = InProcessServerBuilder.forName(name)
                    .addService(new EndorserGrpc.EndorserImplBase() {
                        @Override
                        public void processProposal(SignedProposal request, StreamObserver<ProposalResponse> out) {
                            handle(request, out);
                        }
                    })
                    .build()
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        channel = InProcessChannelBuilder.forName(name).build();
    }

    public ManagedChannel channel() {
        return channel;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Scripts {@code chaincode/function}. */
    public FakeEndorser on(String chaincodeAndFunction, Behaviour behaviour) {
        behaviours.put(chaincodeAndFunction, behaviour);
        return this;
    }

    public static ProposalResponse ok(ByteString payload) {
        return ProposalResponse.newBuilder()
                .setResponse(Response.newBuilder().setStatus(200).setPayload(payload))
                .build();
    }

    public static ProposalResponse error(int status, String message) {
        return ProposalResponse.newBuilder()
                .setResponse(Response.newBuilder().setStatus(status).setMessage(message))
                .build();
    }

    /** A behaviour that fails the call with a gRPC status. */
    public static Behaviour grpcError(Status status) {
        return call -> {
            throw status.asRuntimeException();
        };
    }

    /** A behaviour that never answers in time. */
    public static Behaviour hang(long millis) {
        return call -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ok(ByteString.EMPTY);
        };
    }

    private void handle(SignedProposal request, StreamObserver<ProposalResponse> out) {
        Call call;
        try {
            Proposal proposal = Proposal.parseFrom(request.getProposalBytes());
            ChaincodeInvocationSpec spec = ChaincodeInvocationSpec.parseFrom(
                    ChaincodeProposalPayload.parseFrom(proposal.getPayload()).getInput());
            List<ByteString> args = spec.getChaincodeSpec().getInput().getArgsList();
            call = new Call(
                    spec.getChaincodeSpec().getChaincodeId().getName(),
                    args.get(0).toStringUtf8(),
                    args.subList(1, args.size()),
                    request);
        } catch (InvalidProtocolBufferException e) {
            out.onError(Status.INVALID_ARGUMENT.withDescription("bad proposal").asRuntimeException());
            return;
        }
        calls.add(call);
        Behaviour behaviour = behaviours.get(call.chaincode() + "/" + call.function());
        if (behaviour == null) {
            out.onError(Status.UNIMPLEMENTED
                    .withDescription("no behaviour for " + call.chaincode() + "/" + call.function())
                    .asRuntimeException());
            return;
        }
        try {
            out.onNext(behaviour.apply(call));
            out.onCompleted();
        } catch (io.grpc.StatusRuntimeException e) {
            out.onError(e);
        }
    }

    @Override
    public void close() {
        channel.shutdownNow();
        server.shutdownNow();
    }
}
