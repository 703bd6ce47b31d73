package dev.weft.fabric.admin.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hyperledger.fabric.protos.common.SignaturePolicyEnvelope;
import org.hyperledger.fabric.protos.peer.ApplicationPolicy;
import org.hyperledger.fabric.protos.peer.CollectionConfig;
import org.hyperledger.fabric.protos.peer.CollectionConfigPackage;
import org.hyperledger.fabric.protos.peer.StaticCollectionConfig;
import org.junit.jupiter.api.Test;

class ChaincodeDefinitionTest {

    private static final ChaincodeDefinition MARBLES = ChaincodeDefinition.of("marbles", "1.0", 1);

    @Test
    void defaults_are_those_of_the_peer_cli() throws Exception {
        assertThat(MARBLES.endorsementPlugin()).isEqualTo("escc");
        assertThat(MARBLES.validationPlugin()).isEqualTo("vscc");
        assertThat(MARBLES.initRequired()).isFalse();
        assertThat(ApplicationPolicy.parseFrom(MARBLES.validationParameter()).getChannelConfigPolicyReference())
                .isEqualTo("/Channel/Application/Endorsement");
    }

    @Test
    void sequence_does_not_count_as_a_parameter() {
        assertThat(MARBLES.withSequence(7).sameParametersAs(MARBLES)).isTrue();
    }

    @Test
    void version_policy_init_and_collections_count_as_parameters() {
        SignaturePolicyEnvelope policy =
                SignaturePolicyEnvelope.newBuilder().setVersion(0).build();
        CollectionConfigPackage collections = CollectionConfigPackage.newBuilder()
                .addConfig(CollectionConfig.newBuilder()
                        .setStaticCollectionConfig(
                                StaticCollectionConfig.newBuilder().setName("private")))
                .build();

        assertThat(ChaincodeDefinition.of("marbles", "1.1", 1).sameParametersAs(MARBLES))
                .isFalse();
        assertThat(MARBLES.withSignaturePolicy(policy).sameParametersAs(MARBLES))
                .isFalse();
        assertThat(MARBLES.withChannelPolicy("/Channel/Application/Readers").sameParametersAs(MARBLES))
                .isFalse();
        assertThat(MARBLES.withInitRequired(true).sameParametersAs(MARBLES)).isFalse();
        assertThat(MARBLES.withCollections(collections).sameParametersAs(MARBLES))
                .isFalse();
    }

    @Test
    void sequence_starts_at_one() {
        assertThatThrownBy(() -> ChaincodeDefinition.of("marbles", "1.0", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sequence starts at 1");
    }
}
