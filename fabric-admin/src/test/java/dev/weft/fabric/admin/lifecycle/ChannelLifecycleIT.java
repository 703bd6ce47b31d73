package dev.weft.fabric.admin.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.weft.fabric.admin.identity.SigningIdentity;
import dev.weft.fabric.admin.proposal.FabricAdminException;
import dev.weft.fabric.admin.proposal.TestIdentities;
import io.grpc.Status;
import java.time.Duration;
import java.util.List;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.hyperledger.fabric.protos.peer.lifecycle.ApproveChaincodeDefinitionForMyOrgArgs;
import org.hyperledger.fabric.protos.peer.lifecycle.ChaincodeSource;
import org.hyperledger.fabric.protos.peer.lifecycle.CheckCommitReadinessResult;
import org.hyperledger.fabric.protos.peer.lifecycle.QueryApprovedChaincodeDefinitionResult;
import org.hyperledger.fabric.protos.peer.lifecycle.QueryChaincodeDefinitionResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChannelLifecycleIT {

    private static final SigningIdentity ADMIN = TestIdentities.create("Org1MSP", "Admin@org1.example.com");
    private static final ChaincodeDefinition MARBLES = ChaincodeDefinition.of("marbles", "1.0", 1);
    private static final String PACKAGE_ID = "marbles_1.0:abc";
    private static final String NOT_APPROVED = "chaincode response 500, could not fetch approved chaincode definition "
            + "(name: 'marbles', sequence: '1') on channel 'mychannel'";
    private static final String NOT_DEFINED = "chaincode response 500, namespace marbles is not defined";

    private final FakeGateway fake = new FakeGateway();
    private Gateway gateway;

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
        fake.close();
    }

    private ChannelLifecycle lifecycle(GatewayDeadlines deadlines) {
        gateway = LifecycleGateways.connect(fake.channel(), ADMIN, deadlines);
        return new ChannelLifecycle(gateway.getNetwork("mychannel"), "Org1MSP", "peer0.org1");
    }

    private ChannelLifecycle lifecycle() {
        return lifecycle(GatewayDeadlines.DEFAULT);
    }

    private static ByteString committed(ChaincodeDefinition definition) {
        return QueryChaincodeDefinitionResult.newBuilder()
                .setSequence(definition.sequence())
                .setVersion(definition.version())
                .setEndorsementPlugin(definition.endorsementPlugin())
                .setValidationPlugin(definition.validationPlugin())
                .setValidationParameter(definition.validationParameter())
                .setInitRequired(definition.initRequired())
                .build()
                .toByteString();
    }

    private static ByteString approved(ChaincodeDefinition definition, String packageId) {
        return QueryApprovedChaincodeDefinitionResult.newBuilder()
                .setSequence(definition.sequence())
                .setVersion(definition.version())
                .setEndorsementPlugin(definition.endorsementPlugin())
                .setValidationPlugin(definition.validationPlugin())
                .setValidationParameter(definition.validationParameter())
                .setSource(ChaincodeSource.newBuilder()
                        .setLocalPackage(ChaincodeSource.Local.newBuilder().setPackageId(packageId)))
                .build()
                .toByteString();
    }

    @Test
    void approve_is_endorsed_by_my_org_only_and_names_the_package() throws Exception {
        fake.failing("QueryApprovedChaincodeDefinition", Status.Code.UNKNOWN, NOT_APPROVED)
                .on("ApproveChaincodeDefinitionForMyOrg", call -> ByteString.EMPTY);

        assertThat(lifecycle().approveForMyOrg(MARBLES, PACKAGE_ID)).isEqualTo(ApproveOutcome.APPROVED);

        FakeGateway.Call approve = fake.calls().get(1);
        assertThat(approve.kind()).isEqualTo("endorse");
        assertThat(approve.organizations()).containsExactly("Org1MSP");
        ApproveChaincodeDefinitionForMyOrgArgs args =
                ApproveChaincodeDefinitionForMyOrgArgs.parseFrom(approve.argument());
        assertThat(args.getName()).isEqualTo("marbles");
        assertThat(args.getSequence()).isEqualTo(1);
        assertThat(args.getSource().getLocalPackage().getPackageId()).isEqualTo(PACKAGE_ID);
        assertThat(args.getValidationParameter()).isEqualTo(MARBLES.validationParameter());
    }

    @Test
    void same_approval_is_not_sent_again() {
        fake.on("QueryApprovedChaincodeDefinition", call -> approved(MARBLES, PACKAGE_ID));

        assertThat(lifecycle().approveForMyOrg(MARBLES, PACKAGE_ID)).isEqualTo(ApproveOutcome.ALREADY_APPROVED);
        assertThat(fake.calls())
                .extracting(FakeGateway.Call::function)
                .containsExactly("QueryApprovedChaincodeDefinition");
    }

    @Test
    void approval_for_another_package_is_sent() {
        fake.on("QueryApprovedChaincodeDefinition", call -> approved(MARBLES, "marbles_1.0:old"))
                .on("ApproveChaincodeDefinitionForMyOrg", call -> ByteString.EMPTY);

        assertThat(lifecycle().approveForMyOrg(MARBLES, PACKAGE_ID)).isEqualTo(ApproveOutcome.APPROVED);
    }

    @Test
    void unchanged_content_refusal_is_success() {
        fake.failing("QueryApprovedChaincodeDefinition", Status.Code.UNKNOWN, NOT_APPROVED)
                .failing(
                        "ApproveChaincodeDefinitionForMyOrg",
                        Status.Code.ABORTED,
                        "chaincode response 500, failed to invoke backing implementation of "
                                + "'ApproveChaincodeDefinitionForMyOrg': attempted to redefine uncommitted sequence (1) "
                                + "for namespace marbles with unchanged content");

        assertThat(lifecycle().approveForMyOrg(MARBLES, PACKAGE_ID)).isEqualTo(ApproveOutcome.ALREADY_APPROVED);
    }

    @Test
    void endorsement_failure_carries_status_and_endorser_message() {
        fake.failing("QueryApprovedChaincodeDefinition", Status.Code.UNKNOWN, NOT_APPROVED)
                .failing(
                        "ApproveChaincodeDefinitionForMyOrg",
                        Status.Code.ABORTED,
                        "chaincode response 500, requested sequence is 3, but new definition must be sequence 2");

        assertThatThrownBy(() -> lifecycle().approveForMyOrg(MARBLES, PACKAGE_ID))
                .isInstanceOfSatisfying(FabricAdminException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FabricAdminException.Kind.REJECTED);
                    assertThat(e.status()).isEqualTo("ABORTED");
                    assertThat(e.node()).isEqualTo("peer0.org1");
                    assertThat(e.operation()).isEqualTo("_lifecycle/ApproveChaincodeDefinitionForMyOrg");
                    assertThat(e.detail())
                            .contains("Org1MSP@127.0.0.1:7051: chaincode response 500, requested sequence is 3");
                });
    }

    @Test
    void invalid_transaction_is_rejected_with_its_validation_code() {
        fake.failing("QueryChaincodeDefinition", Status.Code.UNKNOWN, NOT_DEFINED)
                .on("CommitChaincodeDefinition", call -> ByteString.EMPTY)
                .commitCode(TxValidationCode.ENDORSEMENT_POLICY_FAILURE);

        assertThatThrownBy(() -> lifecycle().commit(MARBLES)).isInstanceOfSatisfying(FabricAdminException.class, e -> {
            assertThat(e.status()).isEqualTo("transaction ENDORSEMENT_POLICY_FAILURE");
            assertThat(e.operation()).isEqualTo("_lifecycle/CommitChaincodeDefinition");
        });
    }

    @Test
    void commit_lets_discovery_choose_endorsers() {
        fake.failing("QueryChaincodeDefinition", Status.Code.UNKNOWN, NOT_DEFINED)
                .on("CommitChaincodeDefinition", call -> ByteString.EMPTY);

        assertThat(lifecycle().commit(MARBLES)).isEqualTo(CommitOutcome.COMMITTED);
        assertThat(fake.calls().get(1).organizations()).isEmpty();
    }

    @Test
    void committed_definition_is_not_committed_again() {
        fake.on("QueryChaincodeDefinition", call -> committed(MARBLES));

        assertThat(lifecycle().commit(MARBLES)).isEqualTo(CommitOutcome.ALREADY_COMMITTED);
        assertThat(fake.calls()).hasSize(1);
    }

    @Test
    void next_sequence_follows_what_is_committed() {
        fake.on("QueryChaincodeDefinition", call -> committed(MARBLES.withSequence(3)))
                .on("QueryApprovedChaincodeDefinition", call -> approved(MARBLES.withSequence(3), PACKAGE_ID));
        ChannelLifecycle lifecycle = lifecycle();

        assertThat(lifecycle.nextSequence("marbles")).isEqualTo(4);
        assertThat(lifecycle.sequenceFor(MARBLES, PACKAGE_ID))
                .as("a re-run keeps the committed sequence")
                .isEqualTo(3);
        assertThat(lifecycle.sequenceFor(MARBLES, "marbles_1.0:new"))
                .as("a new package needs a new sequence")
                .isEqualTo(4);
        assertThat(lifecycle.sequenceFor(ChaincodeDefinition.of("marbles", "2.0", 1), PACKAGE_ID))
                .as("changed parameters need a new sequence")
                .isEqualTo(4);
    }

    @Test
    void first_definition_has_sequence_one() {
        fake.failing("QueryChaincodeDefinition", Status.Code.UNKNOWN, NOT_DEFINED);

        assertThat(lifecycle().nextSequence("marbles")).isEqualTo(1);
        assertThat(lifecycle().sequenceFor(MARBLES, PACKAGE_ID)).isEqualTo(1);
        assertThat(lifecycle().queryCommitted("marbles")).isEmpty();
    }

    @Test
    void commit_readiness_lists_approvals_per_org() {
        fake.on(
                "CheckCommitReadiness",
                call -> CheckCommitReadinessResult.newBuilder()
                        .putApprovals("Org1MSP", true)
                        .putApprovals("Org2MSP", false)
                        .build()
                        .toByteString());

        assertThat(lifecycle().checkCommitReadiness(MARBLES))
                .containsEntry("Org1MSP", true)
                .containsEntry("Org2MSP", false);
        assertThat(fake.calls().get(0).organizations()).isEqualTo(List.of("Org1MSP"));
    }

    @Test
    void slow_query_times_out_at_the_evaluate_deadline() {
        fake.evaluateDelay(3_000).on("QueryChaincodeDefinition", call -> committed(MARBLES));
        GatewayDeadlines fast = new GatewayDeadlines(
                Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1));

        assertThatThrownBy(() -> lifecycle(fast).queryCommitted("marbles"))
                .isInstanceOfSatisfying(FabricAdminException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FabricAdminException.Kind.TIMEOUT);
                    assertThat(e.status()).isEqualTo("DEADLINE_EXCEEDED");
                });
    }
}
