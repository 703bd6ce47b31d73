package dev.weft.gateway.fake;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.gateway.ChaincodeEventsRequest;
import org.hyperledger.fabric.protos.gateway.ChaincodeEventsResponse;
import org.hyperledger.fabric.protos.gateway.CommitStatusRequest;
import org.hyperledger.fabric.protos.gateway.CommitStatusResponse;
import org.hyperledger.fabric.protos.gateway.EndorseRequest;
import org.hyperledger.fabric.protos.gateway.EndorseResponse;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;
import org.hyperledger.fabric.protos.gateway.EvaluateRequest;
import org.hyperledger.fabric.protos.gateway.EvaluateResponse;
import org.hyperledger.fabric.protos.gateway.GatewayGrpc;
import org.hyperledger.fabric.protos.gateway.SignedChaincodeEventsRequest;
import org.hyperledger.fabric.protos.gateway.SignedCommitStatusRequest;
import org.hyperledger.fabric.protos.gateway.SubmitRequest;
import org.hyperledger.fabric.protos.gateway.SubmitResponse;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeEndorsedAction;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
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
 * A fake of the peer's Fabric Gateway service at the gRPC layer: real protobuf requests and responses, shaped like
 * Fabric 2.5's (error status codes and messages, per-peer {@link ErrorDetail}s, the prepared transaction envelope the
 * client parses), over an in-memory marbles ledger. One transaction per block. Faults can be injected.
 */
public final class FakeGatewayService extends GatewayGrpc.GatewayImplBase {

    public static final String PEER_ADDRESS = "peer0.org1.example.com:7051";
    public static final String MSP_ID = "Org1MSP";

    private record Committed(TxValidationCode code, long block) {}

    private record Pending(FakeMarblesLedger.Outcome outcome, String chaincode) {}

    private final FakeMarblesLedger ledger = new FakeMarblesLedger();
    private final Map<String, Pending> endorsed = new ConcurrentHashMap<>();
    private final Map<String, Committed> committed = new ConcurrentHashMap<>();
    private final List<ChaincodeEventsResponse> blocks = new CopyOnWriteArrayList<>();
    private final List<ServerCallStreamObserver<ChaincodeEventsResponse>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong nextBlock = new AtomicLong(1);

    /** Submitted transactions (reached the "orderer"). */
    public final AtomicInteger submits = new AtomicInteger();
    /** Endorse calls. */
    public final AtomicInteger endorsements = new AtomicInteger();
    /** How many of the next submitted transactions are invalidated with MVCC_READ_CONFLICT. */
    public final AtomicInteger readConflictsToInject = new AtomicInteger();
    /** When set, commit status requests never answer (the client's deadline runs out). */
    public volatile boolean holdCommitStatus;
    /** When set, the next endorse fails with this status and per-peer details (a non-chaincode failure). */
    public final AtomicReference<StatusRuntimeException> nextEndorseFailure = new AtomicReference<>();
    /** The creator (SignatureHeader) of every proposal evaluated or endorsed, by transaction id. */
    public final Map<String, SerializedIdentity> creators = new ConcurrentHashMap<>();
    /** The creator of the last evaluated proposal. */
    public final AtomicReference<SerializedIdentity> lastEvaluateCreator = new AtomicReference<>();
    /** Chaincode event stream requests received, with their start block. */
    public final List<Long> eventStreamStarts = new CopyOnWriteArrayList<>();

    @Override
    public void evaluate(EvaluateRequest request, StreamObserver<EvaluateResponse> observer) {
        Invocation call = invocation(request.getProposedTransaction());
        creators.put(call.txId(), call.creator());
        if (call.chaincode().equals("_lifecycle")) {
            observer.onNext(EvaluateResponse.newBuilder()
                    .setResult(Response.newBuilder().setStatus(200))
                    .build());
            observer.onCompleted();
            return;
        }
        lastEvaluateCreator.set(call.creator());
        try {
            FakeMarblesLedger.Outcome outcome = ledger.run(call.function(), call.args(), call.txId());
            observer.onNext(EvaluateResponse.newBuilder()
                    .setResult(Response.newBuilder().setStatus(200).setPayload(ByteString.copyFrom(outcome.payload())))
                    .build());
            observer.onCompleted();
        } catch (FakeMarblesLedger.ChaincodeError e) {
            String message = "chaincode response 500, " + e.getMessage();
            observer.onError(error(
                    com.google.rpc.Code.UNKNOWN_VALUE,
                    "evaluate call to endorser returned error: " + message,
                    message));
        }
    }

    @Override
    public void endorse(EndorseRequest request, StreamObserver<EndorseResponse> observer) {
        endorsements.incrementAndGet();
        StatusRuntimeException failure = nextEndorseFailure.getAndSet(null);
        if (failure != null) {
            observer.onError(failure);
            return;
        }
        Invocation call = invocation(request.getProposedTransaction());
        creators.put(call.txId(), call.creator());
        try {
            FakeMarblesLedger.Outcome outcome = ledger.run(call.function(), call.args(), call.txId());
            endorsed.put(call.txId(), new Pending(outcome, call.chaincode()));
            observer.onNext(EndorseResponse.newBuilder()
                    .setPreparedTransaction(envelope(request.getChannelId(), call.txId(), outcome.payload()))
                    .build());
            observer.onCompleted();
        } catch (FakeMarblesLedger.ChaincodeError e) {
            observer.onError(error(
                    com.google.rpc.Code.ABORTED_VALUE,
                    "failed to endorse transaction, see attached details for more info",
                    "chaincode response 500, " + e.getMessage()));
        }
    }

    @Override
    public void submit(SubmitRequest request, StreamObserver<SubmitResponse> observer) {
        submits.incrementAndGet();
        String txId = request.getTransactionId();
        Pending pending = endorsed.remove(txId);
        if (pending == null) {
            observer.onError(Status.FAILED_PRECONDITION
                    .withDescription("transaction " + txId + " was not endorsed")
                    .asRuntimeException());
            return;
        }
        long block = nextBlock.getAndIncrement();
        if (readConflictsToInject.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            committed.put(txId, new Committed(TxValidationCode.MVCC_READ_CONFLICT, block));
        } else {
            pending.outcome().apply().run();
            committed.put(txId, new Committed(TxValidationCode.VALID, block));
            if (pending.outcome().eventName() != null) {
                publish(ChaincodeEventsResponse.newBuilder()
                        .setBlockNumber(block)
                        .addEvents(ChaincodeEvent.newBuilder()
                                .setChaincodeId(pending.chaincode())
                                .setTxId(txId)
                                .setEventName(pending.outcome().eventName())
                                .setPayload(
                                        ByteString.copyFrom(pending.outcome().eventPayload())))
                        .build());
            }
        }
        observer.onNext(SubmitResponse.getDefaultInstance());
        observer.onCompleted();
    }

    @Override
    public void commitStatus(SignedCommitStatusRequest request, StreamObserver<CommitStatusResponse> observer) {
        if (holdCommitStatus) {
            return; // as a peer still waiting for the block: the client's deadline decides
        }
        String txId =
                parse(() -> CommitStatusRequest.parseFrom(request.getRequest())).getTransactionId();
        Committed status = committed.get(txId);
        if (status == null) {
            return; // unknown transaction: a real peer waits for it to commit
        }
        observer.onNext(CommitStatusResponse.newBuilder()
                .setResult(status.code())
                .setBlockNumber(status.block())
                .build());
        observer.onCompleted();
    }

    @Override
    public void chaincodeEvents(
            SignedChaincodeEventsRequest request, StreamObserver<ChaincodeEventsResponse> responseObserver) {
        ChaincodeEventsRequest events = parse(() -> ChaincodeEventsRequest.parseFrom(request.getRequest()));
        long start = events.getStartPosition().hasSpecified()
                ? events.getStartPosition().getSpecified().getNumber()
                : nextBlock.get();
        eventStreamStarts.add(start);
        ServerCallStreamObserver<ChaincodeEventsResponse> observer =
                (ServerCallStreamObserver<ChaincodeEventsResponse>) responseObserver;
        synchronized (this) {
            for (ChaincodeEventsResponse block : blocks) {
                if (block.getBlockNumber() >= start) {
                    observer.onNext(block);
                }
            }
            listeners.add(observer);
        }
        observer.setOnCancelHandler(() -> listeners.remove(observer));
    }

    /** Ends every open event stream as a restarting peer would. */
    public synchronized void dropEventStreams() {
        for (ServerCallStreamObserver<ChaincodeEventsResponse> observer : listeners) {
            try {
                observer.onError(
                        Status.UNAVAILABLE.withDescription("peer restarting").asRuntimeException());
            } catch (RuntimeException ignored) {
                // already closed
            }
        }
        listeners.clear();
    }

    /** Makes the peer's state database CouchDB (selector queries answer) or LevelDB (they are refused). */
    public void richQueries(boolean on) {
        ledger.couchDb = on;
    }

    /** The status of a committed transaction, or null. */
    public TxValidationCode statusOf(String txId) {
        Committed status = committed.get(txId);
        return status == null ? null : status.code();
    }

    private synchronized void publish(ChaincodeEventsResponse block) {
        blocks.add(block);
        for (ServerCallStreamObserver<ChaincodeEventsResponse> observer : listeners) {
            try {
                observer.onNext(block);
            } catch (RuntimeException e) {
                listeners.remove(observer);
            }
        }
    }

    private static StatusRuntimeException error(int code, String message, String detail) {
        return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(code)
                .setMessage(message)
                .addDetails(Any.pack(ErrorDetail.newBuilder()
                        .setAddress(PEER_ADDRESS)
                        .setMspId(MSP_ID)
                        .setMessage(detail)
                        .build()))
                .build());
    }

    /** An endorsement failure that is not the chaincode's: e.g. the policy could not be satisfied. */
    public static StatusRuntimeException endorsementFailure(String peerMessage) {
        return error(
                com.google.rpc.Code.ABORTED_VALUE,
                "failed to endorse transaction, see attached details for more info",
                peerMessage);
    }

    private static Envelope envelope(String channel, String txId, byte[] result) {
        ChaincodeAction action = ChaincodeAction.newBuilder()
                .setResponse(Response.newBuilder().setStatus(200).setPayload(ByteString.copyFrom(result)))
                .build();
        ProposalResponsePayload responsePayload = ProposalResponsePayload.newBuilder()
                .setExtension(action.toByteString())
                .build();
        ChaincodeActionPayload actionPayload = ChaincodeActionPayload.newBuilder()
                .setAction(
                        ChaincodeEndorsedAction.newBuilder().setProposalResponsePayload(responsePayload.toByteString()))
                .build();
        Transaction transaction = Transaction.newBuilder()
                .addActions(TransactionAction.newBuilder().setPayload(actionPayload.toByteString()))
                .build();
        ChannelHeader channelHeader = ChannelHeader.newBuilder()
                .setType(HeaderType.ENDORSER_TRANSACTION_VALUE)
                .setChannelId(channel)
                .setTxId(txId)
                .build();
        Payload payload = Payload.newBuilder()
                .setHeader(Header.newBuilder().setChannelHeader(channelHeader.toByteString()))
                .setData(transaction.toByteString())
                .build();
        return Envelope.newBuilder()
                .setPayload(payload.toByteString())
                .setSignature(ByteString.copyFromUtf8("endorser-signature"))
                .build();
    }

    private record Invocation(
            String txId, String chaincode, String function, List<String> args, SerializedIdentity creator) {}

    private static Invocation invocation(SignedProposal signed) {
        Proposal proposal = parse(() -> Proposal.parseFrom(signed.getProposalBytes()));
        Header header = parse(() -> Header.parseFrom(proposal.getHeader()));
        ChannelHeader channelHeader = parse(() -> ChannelHeader.parseFrom(header.getChannelHeader()));
        SignatureHeader signatureHeader = parse(() -> SignatureHeader.parseFrom(header.getSignatureHeader()));
        SerializedIdentity creator = parse(() -> SerializedIdentity.parseFrom(signatureHeader.getCreator()));
        ChaincodeProposalPayload payload = parse(() -> ChaincodeProposalPayload.parseFrom(proposal.getPayload()));
        ChaincodeInvocationSpec spec = parse(() -> ChaincodeInvocationSpec.parseFrom(payload.getInput()));
        List<ByteString> raw = spec.getChaincodeSpec().getInput().getArgsList();
        List<String> args = new ArrayList<>();
        for (int i = 1; i < raw.size(); i++) {
            args.add(raw.get(i).toString(StandardCharsets.UTF_8));
        }
        return new Invocation(
                channelHeader.getTxId(),
                spec.getChaincodeSpec().getChaincodeId().getName(),
                raw.get(0).toString(StandardCharsets.UTF_8),
                args,
                creator);
    }

    private interface Parser<T> {
        T parse() throws InvalidProtocolBufferException;
    }

    private static <T> T parse(Parser<T> parser) {
        try {
            return parser.parse();
        } catch (InvalidProtocolBufferException e) {
            throw Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException();
        }
    }
}
