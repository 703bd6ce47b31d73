package dev.weft.fabric.admin.lifecycle;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import dev.weft.fabric.admin.proposal.FabricAdminException;
import io.grpc.Status;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.Network;
import org.hyperledger.fabric.client.Proposal;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;
import org.hyperledger.fabric.protos.peer.lifecycle.ApproveChaincodeDefinitionForMyOrgArgs;
import org.hyperledger.fabric.protos.peer.lifecycle.ChaincodeSource;
import org.hyperledger.fabric.protos.peer.lifecycle.CheckCommitReadinessArgs;
import org.hyperledger.fabric.protos.peer.lifecycle.CheckCommitReadinessResult;
import org.hyperledger.fabric.protos.peer.lifecycle.CommitChaincodeDefinitionArgs;
import org.hyperledger.fabric.protos.peer.lifecycle.QueryApprovedChaincodeDefinitionArgs;
import org.hyperledger.fabric.protos.peer.lifecycle.QueryApprovedChaincodeDefinitionResult;
import org.hyperledger.fabric.protos.peer.lifecycle.QueryChaincodeDefinitionArgs;
import org.hyperledger.fabric.protos.peer.lifecycle.QueryChaincodeDefinitionResult;

/**
 * The channel part of {@code _lifecycle} through the Fabric Gateway: approve for my organization, query approved,
 * check commit readiness, commit and query committed, each idempotent so that a re-run converges.
 *
 * <p>Approvals and their queries are endorsed by my organization only (the peer's ACL lets only its own admins
 * approve); commits are endorsed by the peers the gateway's discovery picks to satisfy the channel's {@code
 * LifecycleEndorsement} policy, which needs anchor peers in the channel configuration.
 *
 * <pre>{@code
 * ChannelLifecycle org1 = new ChannelLifecycle(gateway.getNetwork("mychannel"), "Org1MSP", "peer0.org1");
 * ChaincodeDefinition definition = ChaincodeDefinition.of("marbles", "1.0", 1);
 * definition = definition.withSequence(org1.sequenceFor(definition, packageId));
 * org1.approveForMyOrg(definition, packageId);
 * org2.approveForMyOrg(definition, packageId);
 * org1.commit(definition);
 * }</pre>
 */
public final class ChannelLifecycle {

    static final String APPROVE = "_lifecycle/ApproveChaincodeDefinitionForMyOrg";
    static final String QUERY_APPROVED = "_lifecycle/QueryApprovedChaincodeDefinition";
    static final String CHECK_COMMIT_READINESS = "_lifecycle/CheckCommitReadiness";
    static final String COMMIT = "_lifecycle/CommitChaincodeDefinition";
    static final String QUERY_COMMITTED = "_lifecycle/QueryChaincodeDefinition";

    private final Contract lifecycle;
    private final String mspId;
    private final String node;

    /**
     * @param network the channel, from a gateway connected as an admin of {@code mspId}
     * @param mspId my organization
     * @param node the gateway peer as named in errors
     */
    public ChannelLifecycle(Network network, String mspId, String node) {
        this.lifecycle = Objects.requireNonNull(network, "network").getContract("_lifecycle");
        this.mspId = Objects.requireNonNull(mspId, "mspId");
        this.node = Objects.requireNonNull(node, "node");
    }

    /**
     * Approves {@code definition} with {@code packageId} for my organization, unless exactly that is approved
     * already. The peer's "unchanged content" refusal of a duplicate approval also counts as success.
     */
    public ApproveOutcome approveForMyOrg(ChaincodeDefinition definition, String packageId) {
        Optional<ApprovedDefinition> approved = queryApproved(definition.name(), definition.sequence());
        if (approved.isPresent()
                && approved.get().definition().sameParametersAs(definition)
                && approved.get().packageId().equals(Optional.of(packageId))) {
            return ApproveOutcome.ALREADY_APPROVED;
        }
        ApproveChaincodeDefinitionForMyOrgArgs args = ApproveChaincodeDefinitionForMyOrgArgs.newBuilder()
                .setName(definition.name())
                .setVersion(definition.version())
                .setSequence(definition.sequence())
                .setEndorsementPlugin(definition.endorsementPlugin())
                .setValidationPlugin(definition.validationPlugin())
                .setValidationParameter(definition.validationParameter())
                .setCollections(definition.collections())
                .setInitRequired(definition.initRequired())
                .setSource(ChaincodeSource.newBuilder()
                        .setLocalPackage(ChaincodeSource.Local.newBuilder().setPackageId(packageId)))
                .build();
        try {
            submit(APPROVE, proposal("ApproveChaincodeDefinitionForMyOrg", args, true));
            return ApproveOutcome.APPROVED;
        } catch (FabricAdminException e) {
            // lifecycle.go: "attempted to redefine uncommitted sequence (N) for namespace X with unchanged content"
            if (e.detail().contains("unchanged content")) {
                return ApproveOutcome.ALREADY_APPROVED;
            }
            throw e;
        }
    }

    /** My organization's approval of {@code name} at {@code sequence}, if any. */
    public Optional<ApprovedDefinition> queryApproved(String name, long sequence) {
        QueryApprovedChaincodeDefinitionArgs args = QueryApprovedChaincodeDefinitionArgs.newBuilder()
                .setName(name)
                .setSequence(sequence)
                .build();
        Optional<QueryApprovedChaincodeDefinitionResult> result = evaluateIfDefined(
                QUERY_APPROVED,
                "QueryApprovedChaincodeDefinition",
                args,
                QueryApprovedChaincodeDefinitionResult.parser(),
                "could not fetch approved chaincode definition");
        return result.map(approved -> new ApprovedDefinition(
                new ChaincodeDefinition(
                        name,
                        approved.getVersion(),
                        approved.getSequence(),
                        approved.getValidationParameter(),
                        approved.getEndorsementPlugin(),
                        approved.getValidationPlugin(),
                        approved.getInitRequired(),
                        approved.getCollections()),
                approved.getSource().hasLocalPackage()
                        ? Optional.of(approved.getSource().getLocalPackage().getPackageId())
                        : Optional.empty()));
    }

    /**
     * Which organizations approved {@code definition} exactly (MSP id → approved). Only for a sequence that is not
     * committed yet; see {@link #isCommitted}.
     */
    public Map<String, Boolean> checkCommitReadiness(ChaincodeDefinition definition) {
        CheckCommitReadinessArgs args = CheckCommitReadinessArgs.newBuilder()
                .setName(definition.name())
                .setVersion(definition.version())
                .setSequence(definition.sequence())
                .setEndorsementPlugin(definition.endorsementPlugin())
                .setValidationPlugin(definition.validationPlugin())
                .setValidationParameter(definition.validationParameter())
                .setCollections(definition.collections())
                .setInitRequired(definition.initRequired())
                .build();
        byte[] result = evaluate(CHECK_COMMIT_READINESS, proposal("CheckCommitReadiness", args, true));
        return Map.copyOf(parse(CHECK_COMMIT_READINESS, result, CheckCommitReadinessResult.parser())
                .getApprovalsMap());
    }

    /**
     * Commits {@code definition} unless the same definition is committed at its sequence already.
     *
     * @param endorsingOrganizations organizations whose peers endorse the commit; none lets the gateway's discovery
     *     choose
     */
    public CommitOutcome commit(ChaincodeDefinition definition, String... endorsingOrganizations) {
        if (isCommitted(definition)) {
            return CommitOutcome.ALREADY_COMMITTED;
        }
        CommitChaincodeDefinitionArgs args = CommitChaincodeDefinitionArgs.newBuilder()
                .setName(definition.name())
                .setVersion(definition.version())
                .setSequence(definition.sequence())
                .setEndorsementPlugin(definition.endorsementPlugin())
                .setValidationPlugin(definition.validationPlugin())
                .setValidationParameter(definition.validationParameter())
                .setCollections(definition.collections())
                .setInitRequired(definition.initRequired())
                .build();
        Proposal.Builder builder =
                lifecycle.newProposal("CommitChaincodeDefinition").addArguments(args.toByteArray());
        if (endorsingOrganizations.length > 0) {
            builder.setEndorsingOrganizations(endorsingOrganizations);
        }
        submit(COMMIT, builder.build());
        return CommitOutcome.COMMITTED;
    }

    /**
     * Whether exactly {@code definition} is committed at its sequence. Check this before {@link
     * #checkCommitReadiness}: the peer refuses a readiness check for the committed sequence ("new definition must be
     * sequence N+1").
     */
    public boolean isCommitted(ChaincodeDefinition definition) {
        Optional<ChaincodeDefinition> committed = queryCommitted(definition.name());
        return committed.isPresent()
                && committed.get().sequence() == definition.sequence()
                && committed.get().sameParametersAs(definition);
    }

    /** The committed definition of {@code name}, if any. */
    public Optional<ChaincodeDefinition> queryCommitted(String name) {
        QueryChaincodeDefinitionArgs args =
                QueryChaincodeDefinitionArgs.newBuilder().setName(name).build();
        // lifecycle scc: "namespace <name> is not defined"
        return evaluateIfDefined(
                        QUERY_COMMITTED,
                        "QueryChaincodeDefinition",
                        args,
                        QueryChaincodeDefinitionResult.parser(),
                        "is not defined")
                .map(committed -> new ChaincodeDefinition(
                        name,
                        committed.getVersion(),
                        committed.getSequence(),
                        committed.getValidationParameter(),
                        committed.getEndorsementPlugin(),
                        committed.getValidationPlugin(),
                        committed.getInitRequired(),
                        committed.getCollections()));
    }

    /** The sequence of the next definition of {@code name}: the committed sequence + 1, or 1. */
    public long nextSequence(String name) {
        return queryCommitted(name).map(committed -> committed.sequence() + 1).orElse(1L);
    }

    /**
     * The sequence at which my organization approves {@code desired} with {@code packageId}: the committed sequence
     * when nothing changed (the committed definition has the same parameters and my organization approved it with
     * the same package: a re-run), otherwise the committed sequence + 1, or 1 when nothing is committed.
     *
     * <p>A changed package alone also moves to the next sequence: Fabric 2.5 would accept re-approving the committed
     * sequence with a new package, Fabric 3 refuses any approval of a committed sequence. When several organizations
     * deploy together, all must use the largest of their answers.
     */
    public long sequenceFor(ChaincodeDefinition desired, String packageId) {
        Optional<ChaincodeDefinition> committed = queryCommitted(desired.name());
        if (committed.isEmpty()) {
            return 1;
        }
        long sequence = committed.get().sequence();
        if (!committed.get().sameParametersAs(desired)) {
            return sequence + 1;
        }
        boolean samePackage = queryApproved(desired.name(), sequence)
                .flatMap(ApprovedDefinition::packageId)
                .filter(packageId::equals)
                .isPresent();
        return samePackage ? sequence : sequence + 1;
    }

    private Proposal proposal(String function, Message args, boolean myOrgOnly) {
        Proposal.Builder builder = lifecycle.newProposal(function).addArguments(args.toByteArray());
        if (myOrgOnly) {
            builder.setEndorsingOrganizations(mspId);
        }
        return builder.build();
    }

    private <T> Optional<T> evaluateIfDefined(
            String operation, String function, Message args, Parser<T> parser, String notFoundText) {
        try {
            return Optional.of(parse(operation, evaluate(operation, proposal(function, args, true)), parser));
        } catch (FabricAdminException e) {
            if (e.kind() == FabricAdminException.Kind.REJECTED && e.detail().contains(notFoundText)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private byte[] evaluate(String operation, Proposal proposal) {
        try {
            return proposal.evaluate();
        } catch (GatewayException e) {
            throw failure(operation, e);
        }
    }

    private void submit(String operation, Proposal proposal) {
        String transactionId = proposal.getTransactionId();
        try {
            SubmittedTransaction submitted = proposal.endorse().submitAsync();
            org.hyperledger.fabric.client.Status status = submitted.getStatus();
            if (!status.isSuccessful()) {
                throw new FabricAdminException(
                        FabricAdminException.Kind.REJECTED,
                        node,
                        operation,
                        "transaction " + status.getCode(),
                        "transaction " + transactionId + " was not committed (block " + status.getBlockNumber() + ")");
            }
        } catch (GatewayException e) {
            throw failure(operation, e);
        }
    }

    private <T> T parse(String operation, byte[] bytes, Parser<T> parser) {
        try {
            return parser.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new FabricAdminException(
                    FabricAdminException.Kind.PROTOCOL,
                    node,
                    operation,
                    "bad payload",
                    "the result is not the expected message",
                    e);
        }
    }

    /** The gRPC status plus every endorser's own message: the reason is in the details, not the status text. */
    private FabricAdminException failure(String operation, GatewayException e) {
        Status status = e.getStatus();
        FabricAdminException.Kind kind = switch (status.getCode()) {
            case DEADLINE_EXCEEDED -> FabricAdminException.Kind.TIMEOUT;
            case UNAVAILABLE -> FabricAdminException.Kind.UNAVAILABLE;
            default -> FabricAdminException.Kind.REJECTED;
        };
        List<ErrorDetail> details = e.getDetails();
        String detail = Stream.concat(
                        Stream.ofNullable(status.getDescription()),
                        details.stream().map(d -> d.getMspId() + "@" + d.getAddress() + ": " + d.getMessage()))
                .collect(Collectors.joining("; "));
        return new FabricAdminException(kind, node, operation, status.getCode().name(), detail, e);
    }
}
