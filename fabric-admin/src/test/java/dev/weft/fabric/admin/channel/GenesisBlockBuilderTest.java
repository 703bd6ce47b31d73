package dev.weft.fabric.admin.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.fabric.admin.crypto.CryptoGenerator;
import dev.weft.fabric.admin.crypto.CryptoMaterial;
import dev.weft.fabric.admin.crypto.Topology;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockMetadataIndex;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.ConfigEnvelope;
import org.hyperledger.fabric.protos.common.ConfigGroup;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.ImplicitMetaPolicy;
import org.hyperledger.fabric.protos.common.LastConfig;
import org.hyperledger.fabric.protos.common.Metadata;
import org.hyperledger.fabric.protos.common.OrdererAddresses;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.msp.FabricMSPConfig;
import org.hyperledger.fabric.protos.msp.MSPConfig;
import org.hyperledger.fabric.protos.orderer.BatchTimeout;
import org.hyperledger.fabric.protos.orderer.ConsensusType;
import org.hyperledger.fabric.protos.orderer.etcdraft.ConfigMetadata;
import org.hyperledger.fabric.protos.peer.ACLs;
import org.hyperledger.fabric.protos.peer.AnchorPeers;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class GenesisBlockBuilderTest {

    private static final CryptoMaterial CRYPTO = new CryptoGenerator().generate(Topology.walkthrough());
    private static final ChannelProfile PROFILE =
            Profiles.localhost("mychannel", CRYPTO).build();
    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05.678Z");

    private static GenesisBlockBuilder fixed(byte fill) {
        return new GenesisBlockBuilder(Clock.fixed(NOW, ZoneOffset.UTC), () -> {
            byte[] nonce = new byte[24];
            java.util.Arrays.fill(nonce, fill);
            return nonce;
        });
    }

    @Nested
    class Determinism {

        @Test
        void same_profile_clock_and_nonce_give_identical_bytes() {
            ChannelProfile rebuilt = Profiles.localhost("mychannel", CRYPTO).build();

            assertThat(fixed((byte) 1).buildBytes(rebuilt))
                    .isEqualTo(fixed((byte) 1).buildBytes(PROFILE));
        }

        @Test
        void only_the_header_changes_with_the_nonce() throws Exception {
            Block a = fixed((byte) 1).build(PROFILE);
            Block b = fixed((byte) 2).build(PROFILE);

            assertThat(a.toByteArray()).isNotEqualTo(b.toByteArray());
            assertThat(payload(a).getData()).isEqualTo(payload(b).getData());
        }

        @Test
        void random_builder_differs_in_nonce() {
            assertThat(GenesisBlockBuilder.create().buildBytes(PROFILE))
                    .isNotEqualTo(GenesisBlockBuilder.create().buildBytes(PROFILE));
        }
    }

    @Nested
    class Envelope_ {

        @Test
        void is_block_zero_with_one_config_transaction() throws Exception {
            Block block = fixed((byte) 7).build(PROFILE);

            assertThat(block.getHeader().getNumber()).isZero();
            assertThat(block.getHeader().getPreviousHash().isEmpty()).isTrue();
            assertThat(block.getData().getDataCount()).isEqualTo(1);
            Payload payload = payload(block);
            ChannelHeader header = ChannelHeader.parseFrom(payload.getHeader().getChannelHeader());
            assertThat(header.getType()).isEqualTo(HeaderType.CONFIG_VALUE);
            assertThat(header.getVersion()).isEqualTo(1);
            assertThat(header.getChannelId()).isEqualTo("mychannel");
            assertThat(header.getTimestamp().getSeconds()).isEqualTo(NOW.getEpochSecond());
            assertThat(header.getTimestamp().getNanos()).isZero();
            SignatureHeader signature =
                    SignatureHeader.parseFrom(payload.getHeader().getSignatureHeader());
            assertThat(signature.getCreator().isEmpty()).isTrue();
            assertThat(header.getTxId())
                    .isEqualTo(HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256")
                                    .digest(signature.getNonce().toByteArray())));
            assertThat(ConfigEnvelope.parseFrom(payload.getData()).getConfig().getSequence())
                    .isZero();
        }

        @Test
        void data_hash_is_sha256_of_the_envelopes() throws Exception {
            Block block = fixed((byte) 7).build(PROFILE);

            assertThat(block.getHeader().getDataHash().toByteArray())
                    .isEqualTo(MessageDigest.getInstance("SHA-256")
                            .digest(block.getData().getData(0).toByteArray()));
        }

        @Test
        void metadata_points_last_config_at_block_zero() throws Exception {
            Block block = fixed((byte) 7).build(PROFILE);

            assertThat(block.getMetadata().getMetadataCount()).isEqualTo(5);
            Metadata lastConfig =
                    Metadata.parseFrom(block.getMetadata().getMetadata(BlockMetadataIndex.LAST_CONFIG_VALUE));
            assertThat(LastConfig.parseFrom(lastConfig.getValue()).getIndex()).isZero();
            assertThat(block.getMetadata()
                            .getMetadata(BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE)
                            .isEmpty())
                    .isTrue();
        }
    }

    @Nested
    class Config {

        private final ConfigGroup channel = ChannelConfigEncoder.channelGroup(PROFILE);

        @Test
        void has_orderer_and_application_groups_with_every_org() {
            assertThat(channel.getGroupsMap()).containsOnlyKeys("Orderer", "Application");
            assertThat(channel.getGroupsOrThrow("Orderer").getGroupsMap()).containsOnlyKeys("OrdererOrg");
            assertThat(channel.getGroupsOrThrow("Application").getGroupsMap()).containsOnlyKeys("Org1", "Org2");
            assertThat(channel.getValuesMap())
                    .containsOnlyKeys("HashingAlgorithm", "BlockDataHashingStructure", "Capabilities");
            assertThat(channel.getModPolicy()).isEqualTo("Admins");
        }

        @Test
        void orderer_has_three_etcdraft_consenters_and_sample_batching() throws Exception {
            ConfigGroup orderer = channel.getGroupsOrThrow("Orderer");
            ConsensusType consensus = ConsensusType.parseFrom(
                    orderer.getValuesOrThrow("ConsensusType").getValue());
            ConfigMetadata raft = ConfigMetadata.parseFrom(consensus.getMetadata());

            assertThat(consensus.getType()).isEqualTo("etcdraft");
            assertThat(raft.getConsentersList())
                    .extracting(c -> c.getHost() + ":" + c.getPort())
                    .containsExactly("127.0.0.1:7050", "127.0.0.1:8050", "127.0.0.1:9050");
            assertThat(raft.getOptions().getTickInterval()).isEqualTo("500ms");
            assertThat(raft.getOptions().getSnapshotIntervalSize()).isEqualTo(16 * 1024 * 1024);
            assertThat(BatchTimeout.parseFrom(
                                    orderer.getValuesOrThrow("BatchTimeout").getValue())
                            .getTimeout())
                    .isEqualTo("2s");
            assertThat(orderer.getPoliciesMap()).containsKey("BlockValidation");
            assertThat(OrdererAddresses.parseFrom(orderer.getGroupsOrThrow("OrdererOrg")
                                    .getValuesOrThrow("Endpoints")
                                    .getValue())
                            .getAddressesList())
                    .containsExactly("127.0.0.1:7050", "127.0.0.1:8050", "127.0.0.1:9050");
        }

        @Test
        void application_has_acls_endorsement_defaults_and_anchor_peers() throws Exception {
            ConfigGroup application = channel.getGroupsOrThrow("Application");

            assertThat(ACLs.parseFrom(application.getValuesOrThrow("ACLs").getValue())
                            .getAclsMap())
                    .hasSize(ChannelProfile.DEFAULT_ACLS.size())
                    .containsKey("_lifecycle/CommitChaincodeDefinition");
            ImplicitMetaPolicy endorsement = ImplicitMetaPolicy.parseFrom(
                    application.getPoliciesOrThrow("Endorsement").getPolicy().getValue());
            assertThat(endorsement.getRule()).isEqualTo(ImplicitMetaPolicy.Rule.MAJORITY);
            assertThat(endorsement.getSubPolicy()).isEqualTo("Endorsement");
            assertThat(application.getPoliciesMap()).containsKey("LifecycleEndorsement");
            assertThat(AnchorPeers.parseFrom(application
                                    .getGroupsOrThrow("Org2")
                                    .getValuesOrThrow("AnchorPeers")
                                    .getValue())
                            .getAnchorPeers(0)
                            .getHost())
                    .isEqualTo("peer0.org2.example.com");
        }

        @Test
        void org_msp_carries_roots_tls_roots_and_node_ous() throws Exception {
            MSPConfig msp = MSPConfig.parseFrom(channel.getGroupsOrThrow("Application")
                    .getGroupsOrThrow("Org1")
                    .getValuesOrThrow("MSP")
                    .getValue());
            FabricMSPConfig fabric = FabricMSPConfig.parseFrom(msp.getConfig());

            assertThat(fabric.getName()).isEqualTo("Org1MSP");
            assertThat(fabric.getRootCertsCount()).isEqualTo(1);
            assertThat(fabric.getTlsRootCertsCount()).isEqualTo(1);
            assertThat(fabric.getAdminsCount()).isZero();
            assertThat(fabric.getFabricNodeOus().getEnable()).isTrue();
            assertThat(fabric.getFabricNodeOus().getAdminOuIdentifier().getOrganizationalUnitIdentifier())
                    .isEqualTo("admin");
            assertThat(fabric.getCryptoConfig().getSignatureHashFamily()).isEqualTo("SHA2");
        }

        @Test
        void endorsement_override_is_a_signature_policy() {
            ChannelProfile profile = Profiles.localhost("mychannel", CRYPTO)
                    .endorsementPolicy(ChannelPolicy.signature("AND('Org1MSP.peer','Org2MSP.peer')"))
                    .build();

            assertThat(ChannelConfigEncoder.channelGroup(profile)
                            .getGroupsOrThrow("Application")
                            .getPoliciesOrThrow("Endorsement")
                            .getPolicy()
                            .getType())
                    .isEqualTo(1); // SIGNATURE
        }
    }

    @Nested
    class Validation {

        @Test
        void rejects_upper_case_channel_ids() {
            assertThatThrownBy(() -> Profiles.localhost("MyChannel", CRYPTO).build())
                    .isInstanceOf(InvalidChannelProfileException.class)
                    .hasMessageContaining("invalid channel id 'MyChannel'");
        }

        @Test
        void rejects_a_channel_without_consenters() {
            assertThatThrownBy(() -> ChannelProfile.builder("mychannel")
                            .ordererOrg(OrganizationProfile.ordererOrg(CRYPTO.org("OrdererOrg")))
                            .build())
                    .isInstanceOf(InvalidChannelProfileException.class)
                    .hasMessage("channel mychannel has no etcdraft consenter");
        }

        @Test
        void rejects_bad_endpoints_and_policies() {
            OrganizationProfile org = OrganizationProfile.ordererOrg(CRYPTO.org("OrdererOrg"));
            assertThatThrownBy(() -> org.withOrdererEndpoints("orderer0.example.com"))
                    .isInstanceOf(InvalidChannelProfileException.class)
                    .hasMessageContaining("'orderer0.example.com' is not host:port");
            assertThatThrownBy(() -> ChannelPolicy.implicitMeta("MOST Readers"))
                    .isInstanceOf(InvalidChannelProfileException.class)
                    .hasMessageContaining("unknown rule 'MOST'");
            assertThatThrownBy(() -> ChannelPolicy.signature("OR('x')")).isInstanceOf(PolicyDslException.class);
        }

        @Test
        void rejects_a_nonce_source_returning_nothing() {
            GenesisBlockBuilder builder = new GenesisBlockBuilder(Clock.systemUTC(), () -> new byte[0]);
            assertThatThrownBy(() -> builder.build(PROFILE)).isInstanceOf(ChannelConfigException.class);
        }
    }

    private static Payload payload(Block block) throws Exception {
        return Payload.parseFrom(Envelope.parseFrom(block.getData().getData(0)).getPayload());
    }
}
