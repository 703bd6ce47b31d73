package dev.weft.chaincode.testpeer;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.ChaincodeGrpc;
import org.hyperledger.fabric.protos.peer.ChaincodeID;
import org.hyperledger.fabric.protos.peer.ChaincodeMessage;
import org.hyperledger.fabric.protos.peer.Response;

/** The peer side of one {@code Chaincode/Connect} stream. */
final class ChaincodeConnectionImpl implements ChaincodeConnection {

    private final TestPeer.Options options;
    private final ManagedChannel channel;
    private final ProposalFactory proposals;
    private final CompletableFuture<String> registered = new CompletableFuture<>();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private volatile StreamObserver<ChaincodeMessage> toChaincode;
    private volatile boolean open = true;

    private record Pending(Simulation simulation, boolean commit, CompletableFuture<TransactionResult> result) {}

    private ChaincodeConnectionImpl(TestPeer.Options options, ManagedChannel channel) {
        this.options = options;
        this.channel = channel;
        this.proposals = new ProposalFactory(options.channelId(), options.chaincodeName(), options.mspId());
    }

    static ChaincodeConnection open(TestPeer.Options options) {
        ManagedChannel channel = newChannel(options);
        ChaincodeConnectionImpl connection = new ChaincodeConnectionImpl(options, channel);
        connection.toChaincode = ChaincodeGrpc.newStub(channel).connect(connection.new FromChaincode());
        try {
            connection.registered.get(options.timeout().toMillis(), TimeUnit.MILLISECONDS);
            return connection;
        } catch (ExecutionException e) {
            connection.close();
            throw new TestPeerException(
                    "the chaincode at " + options.host() + ":" + options.port() + " (" + options.tls()
                            + ") did not register: " + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            connection.close();
            throw new TestPeerException("the chaincode at " + options.host() + ":" + options.port()
                    + " did not register within " + options.timeout());
        } catch (InterruptedException e) {
            connection.close();
            Thread.currentThread().interrupt();
            throw new TestPeerException("interrupted while waiting for the chaincode to register", e);
        }
    }

    private static ManagedChannel newChannel(TestPeer.Options options) {
        NettyChannelBuilder builder = NettyChannelBuilder.forAddress(options.host(), options.port())
                // The peer's defaults (comm.DefaultKeepaliveOptions): ping every minute, 20 s timeout.
                .keepAliveTime(1, TimeUnit.MINUTES)
                .keepAliveTimeout(20, TimeUnit.SECONDS)
                .maxInboundMessageSize(100 * 1024 * 1024);
        TlsOptions tls = options.tls();
        if (!tls.enabled()) {
            return builder.usePlaintext().build();
        }
        try {
            SslContextBuilder ssl = GrpcSslContexts.forClient()
                    .trustManager(tls.rootCert().orElseThrow().toFile());
            if (tls.clientCert().isPresent()) {
                ssl.keyManager(
                        tls.clientCert().get().toFile(),
                        tls.clientKey().orElseThrow().toFile());
            }
            return builder.useTransportSecurity().sslContext(ssl.build()).build();
        } catch (IOException e) {
            throw new TestPeerException("cannot build the TLS context: " + e.getMessage(), e);
        }
    }

    @Override
    public String registeredChaincodeId() {
        return registered.getNow("");
    }

    @Override
    public WorldState worldState() {
        return options.worldState();
    }

    @Override
    public TransactionResult invoke(String function, String... args) {
        return await(start(ChaincodeMessage.Type.TRANSACTION, toArgs(function, args), true));
    }

    @Override
    public CompletableFuture<TransactionResult> invokeAsync(String function, String... args) {
        return start(ChaincodeMessage.Type.TRANSACTION, toArgs(function, args), true);
    }

    @Override
    public TransactionResult query(String function, String... args) {
        return await(start(ChaincodeMessage.Type.TRANSACTION, toArgs(function, args), false));
    }

    @Override
    public TransactionResult init(String function, String... args) {
        return await(start(ChaincodeMessage.Type.INIT, toArgs(function, args), true));
    }

    @Override
    public TransactionResult send(List<byte[]> args, boolean commit) {
        List<ByteString> bytes = new ArrayList<>(args.size());
        args.forEach(arg -> bytes.add(ByteString.copyFrom(arg)));
        return await(start(ChaincodeMessage.Type.TRANSACTION, bytes, commit));
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        if (open) {
            open = false;
            StreamObserver<ChaincodeMessage> stream = toChaincode;
            if (stream != null) {
                try {
                    synchronized (this) {
                        stream.onCompleted();
                    }
                } catch (RuntimeException ignored) {
                    // The stream may already have failed; closing the channel below is what matters.
                }
            }
        }
        channel.shutdownNow();
        try {
            channel.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        failAll(new TestPeerException("the connection was closed"));
    }

    private CompletableFuture<TransactionResult> start(
            ChaincodeMessage.Type type, List<ByteString> args, boolean commit) {
        if (!open) {
            return CompletableFuture.failedFuture(new TestPeerException("the connection is closed"));
        }
        ProposalFactory.Built proposal = proposals.build(args, type == ChaincodeMessage.Type.INIT);
        Simulation simulation = new Simulation(
                proposal.txId(),
                proposal.timestamp(),
                options.chaincodeName(),
                options.worldState(),
                options.queryBatchSize());
        CompletableFuture<TransactionResult> result = new CompletableFuture<>();
        pending.put(key(options.channelId(), proposal.txId()), new Pending(simulation, commit, result));
        sendToChaincode(ChaincodeMessage.newBuilder()
                .setType(type)
                .setTxid(proposal.txId())
                .setChannelId(options.channelId())
                .setPayload(proposal.input().toByteString())
                .setProposal(proposal.signedProposal())
                .build());
        return result;
    }

    private TransactionResult await(CompletableFuture<TransactionResult> result) {
        try {
            return result.get(options.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TestPeerException failure) {
                throw failure;
            }
            throw new TestPeerException("the transaction failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new TestPeerException("the chaincode did not complete the transaction within " + options.timeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TestPeerException("interrupted while waiting for the transaction", e);
        }
    }

    /** gRPC stream observers are not thread-safe; transactions run concurrently, so sends are serialised. */
    private synchronized void sendToChaincode(ChaincodeMessage message) {
        toChaincode.onNext(message);
    }

    private void failAll(RuntimeException failure) {
        registered.completeExceptionally(failure);
        pending.values().forEach(p -> p.result().completeExceptionally(failure));
        pending.clear();
    }

    private static String key(String channelId, String txId) {
        return channelId + txId;
    }

    private static List<ByteString> toArgs(String function, String... args) {
        List<ByteString> bytes = new ArrayList<>(args.length + 1);
        bytes.add(ByteString.copyFromUtf8(function));
        for (String arg : args) {
            bytes.add(ByteString.copyFromUtf8(arg));
        }
        return bytes;
    }

    /** Messages from the chaincode: registration, state requests, and the end of each transaction. */
    private final class FromChaincode implements StreamObserver<ChaincodeMessage> {

        @Override
        public void onNext(ChaincodeMessage message) {
            switch (message.getType()) {
                case REGISTER -> register(message);
                case COMPLETED -> complete(message);
                case ERROR -> fail(message);
                case KEEPALIVE -> {
                    // Nothing to answer: the peer only echoes keepalives it initiated.
                }
                default -> answer(message);
            }
        }

        @Override
        public void onError(Throwable t) {
            open = false;
            failAll(new TestPeerException("the chaincode stream failed: " + t.getMessage(), t));
        }

        @Override
        public void onCompleted() {
            open = false;
            failAll(new TestPeerException("the chaincode closed the stream"));
        }

        private void register(ChaincodeMessage message) {
            try {
                String id = ChaincodeID.parseFrom(message.getPayload()).getName();
                // The peer's handler answers REGISTER with REGISTERED and then READY (core/chaincode/handler.go).
                sendToChaincode(ChaincodeMessage.newBuilder()
                        .setType(ChaincodeMessage.Type.REGISTERED)
                        .build());
                sendToChaincode(ChaincodeMessage.newBuilder()
                        .setType(ChaincodeMessage.Type.READY)
                        .build());
                registered.complete(id);
            } catch (InvalidProtocolBufferException e) {
                registered.completeExceptionally(new TestPeerException("malformed REGISTER message", e));
            }
        }

        private void answer(ChaincodeMessage request) {
            Pending transaction = pending.get(key(request.getChannelId(), request.getTxid()));
            if (transaction == null) {
                sendToChaincode(ChaincodeMessage.newBuilder()
                        .setType(ChaincodeMessage.Type.ERROR)
                        .setTxid(request.getTxid())
                        .setChannelId(request.getChannelId())
                        .setPayload(ByteString.copyFromUtf8(
                                request.getType() + " for unknown transaction " + request.getTxid()))
                        .build());
                return;
            }
            sendToChaincode(transaction.simulation().answer(request));
        }

        private void complete(ChaincodeMessage message) {
            Pending transaction = pending.remove(key(message.getChannelId(), message.getTxid()));
            if (transaction == null) {
                return;
            }
            try {
                Response response = Response.parseFrom(message.getPayload());
                boolean commit = transaction.commit() && response.getStatus() < 400;
                Simulation simulation = transaction.simulation();
                if (commit) {
                    options.worldState().commit(simulation.txId(), simulation.timestamp(), simulation.writes());
                }
                transaction
                        .result()
                        .complete(new TransactionResult(
                                simulation.txId(),
                                TransactionResult.Outcome.COMPLETED,
                                response.getStatus(),
                                response.getMessage(),
                                response.getPayload().toByteArray(),
                                event(message),
                                commit));
            } catch (InvalidProtocolBufferException e) {
                transaction.result().completeExceptionally(new TestPeerException("malformed COMPLETED payload", e));
            }
        }

        private void fail(ChaincodeMessage message) {
            Pending transaction = pending.remove(key(message.getChannelId(), message.getTxid()));
            if (transaction == null) {
                return;
            }
            transaction
                    .result()
                    .complete(new TransactionResult(
                            transaction.simulation().txId(),
                            TransactionResult.Outcome.ERROR,
                            500,
                            message.getPayload().toString(StandardCharsets.UTF_8),
                            new byte[0],
                            event(message),
                            false));
        }

        private Optional<TransactionResult.ChaincodeEventRecord> event(ChaincodeMessage message) {
            if (!message.hasChaincodeEvent()) {
                return Optional.empty();
            }
            ChaincodeEvent event = message.getChaincodeEvent();
            return Optional.of(new TransactionResult.ChaincodeEventRecord(
                    event.getEventName(), event.getPayload().toByteArray()));
        }
    }
}
