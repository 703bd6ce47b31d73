package dev.weft.gateway.fabric;

import com.google.protobuf.ByteString;
import dev.weft.gateway.config.GatewayConfig;
import dev.weft.gateway.marbles.MarblesError;
import dev.weft.gateway.marbles.MarblesException;
import io.grpc.Status;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.client.Commit;
import org.hyperledger.fabric.client.CommitException;
import org.hyperledger.fabric.client.CommitStatusException;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.Proposal;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.hyperledger.fabric.protos.gateway.CommitStatusRequest;
import org.hyperledger.fabric.protos.gateway.SignedCommitStatusRequest;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * Evaluates and submits chaincode transactions, turning every failure into a {@link MarblesException} and timing
 * every call ({@code weft.fabric.calls}, tagged by function, kind and outcome).
 *
 * <pre>{@code
 * byte[] json = ledger.evaluate("readMarble", "marble1");
 * LedgerClient.Committed committed = ledger.submit("initMarble", "marble1", "blue", "35", "tom");
 * }</pre>
 */
@ApplicationScoped
public class LedgerClient {

    /** A committed transaction: its id, block and the chaincode's response payload. */
    public record Committed(String transactionId, long blockNumber, byte[] result) {}

    /** What {@link #status} found out about a transaction. */
    public record TransactionState(String transactionId, String status, Long blockNumber) {}

    private final FabricConnection connection;
    private final GatewayForCaller callers;
    private final GatewayConfig config;
    private final MeterRegistry registry;

    LedgerClient(FabricConnection connection, GatewayForCaller callers, GatewayConfig config, MeterRegistry registry) {
        this.connection = connection;
        this.callers = callers;
        this.config = config;
        this.registry = registry;
    }

    /** Runs a query on one peer, signed by the caller's identity ({@link GatewayForCaller}). */
    public byte[] evaluate(String function, String... args) {
        Timer.Sample sample = Timer.start(registry);
        String outcome = "error";
        try {
            byte[] result = connection.call(
                    callers.current(),
                    (network, gateway) ->
                            network.getContract(config.chaincode()).evaluateTransaction(function, args));
            outcome = "success";
            return result;
        } catch (GatewayException e) {
            throw failure(function, FabricErrorMapper.map(e), e);
        } catch (CommitException e) {
            throw new IllegalStateException("evaluate cannot fail to commit", e);
        } catch (FabricUnavailableException e) {
            throw failure(function, new MarblesError.Unavailable(e.getMessage()), e);
        } finally {
            sample.stop(timer(function, "evaluate", outcome));
        }
    }

    /**
     * Endorses, submits and waits for the commit of one transaction, signed by the caller's identity
     * ({@link GatewayForCaller}): it is the transaction's creator on the ledger.
     */
    public Committed submit(String function, String... args) {
        Timer.Sample sample = Timer.start(registry);
        String outcome = "error";
        try {
            Committed committed = connection.call(callers.current(), (network, gateway) -> {
                Proposal proposal = network.getContract(config.chaincode())
                        .newProposal(function)
                        .addArguments(args)
                        .build();
                SubmittedTransaction submitted = proposal.endorse().submitAsync();
                org.hyperledger.fabric.client.Status status = submitted.getStatus();
                if (!status.isSuccessful()) {
                    throw new MarblesException(
                            FabricErrorMapper.invalidTransaction(status.getTransactionId(), status.getCode()));
                }
                return new Committed(status.getTransactionId(), status.getBlockNumber(), submitted.getResult());
            });
            outcome = "success";
            return committed;
        } catch (GatewayException e) {
            throw failure(function, FabricErrorMapper.map(e), e);
        } catch (CommitException e) {
            throw failure(function, FabricErrorMapper.invalidTransaction(e.getTransactionId(), e.getCode()), e);
        } catch (MarblesException e) {
            registry.counter(
                            "weft.fabric.errors",
                            "function",
                            function,
                            "kind",
                            e.error().kind().slug())
                    .increment();
            throw e;
        } catch (FabricUnavailableException e) {
            throw failure(function, new MarblesError.Unavailable(e.getMessage()), e);
        } finally {
            sample.stop(timer(function, "submit", outcome));
        }
    }

    /**
     * Asks the peer whether a transaction committed, waiting at most {@code deadlines.transaction-lookup}.
     *
     * @return status {@code VALID}, an invalidation code such as {@code MVCC_READ_CONFLICT}, or {@code PENDING}
     *     when the peer has not seen it commit (yet)
     */
    public TransactionState status(String transactionId) {
        try {
            return connection.call((network, gateway) -> {
                CommitStatusRequest request = CommitStatusRequest.newBuilder()
                        .setChannelId(config.channel())
                        .setTransactionId(transactionId)
                        .setIdentity(SerializedIdentity.newBuilder()
                                .setMspid(gateway.getIdentity().getMspId())
                                .setIdBytes(ByteString.copyFrom(
                                        gateway.getIdentity().getCredentials()))
                                .build()
                                .toByteString())
                        .build();
                Commit commit = gateway.newCommit(SignedCommitStatusRequest.newBuilder()
                        .setRequest(request.toByteString())
                        .build()
                        .toByteArray());
                try {
                    org.hyperledger.fabric.client.Status status = commit.getStatus(o -> o.withDeadlineAfter(
                            config.deadlines().transactionLookup().toMillis(), TimeUnit.MILLISECONDS));
                    TxValidationCode code = status.getCode();
                    return new TransactionState(transactionId, code.name(), status.getBlockNumber());
                } catch (CommitStatusException e) {
                    if (e.getStatus().getCode() == Status.Code.DEADLINE_EXCEEDED) {
                        return new TransactionState(transactionId, "PENDING", null);
                    }
                    throw e;
                }
            });
        } catch (GatewayException e) {
            throw new MarblesException(FabricErrorMapper.map(e), e);
        } catch (CommitException e) {
            throw new IllegalStateException("a status lookup cannot fail to commit", e);
        } catch (FabricUnavailableException e) {
            throw new MarblesException(new MarblesError.Unavailable(e.getMessage()), e);
        }
    }

    /** Whether the chaincode is committed on the channel, asked of {@code _lifecycle}; empty when no peer answers. */
    public Optional<Boolean> chaincodeCommitted() {
        try {
            connection.call((network, gateway) -> network.getContract("_lifecycle")
                    .evaluateTransaction(
                            "QueryChaincodeDefinition",
                            org.hyperledger.fabric.protos.peer.lifecycle.QueryChaincodeDefinitionArgs.newBuilder()
                                    .setName(config.chaincode())
                                    .build()
                                    .toByteArray()));
            return Optional.of(true);
        } catch (GatewayException e) {
            return e.getStatus().getCode() == Status.Code.UNAVAILABLE ? Optional.empty() : Optional.of(false);
        } catch (CommitException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private MarblesException failure(String function, MarblesError error, Exception cause) {
        registry.counter(
                        "weft.fabric.errors",
                        "function",
                        function,
                        "kind",
                        error.kind().slug())
                .increment();
        return new MarblesException(error, cause);
    }

    private Timer timer(String function, String kind, String outcome) {
        return Timer.builder("weft.fabric.calls")
                .description("Fabric Gateway calls: evaluate, or endorse+submit+commit status")
                .tag("function", function)
                .tag("kind", kind)
                .tag("outcome", outcome)
                .publishPercentiles(0.5, 0.99)
                .register(registry);
    }
}
