package dev.weft.fabric.admin.channel;

import com.google.protobuf.Message;
import dev.weft.fabric.admin.crypto.Pem;
import java.util.Map;
import java.util.Set;
import org.hyperledger.fabric.protos.common.BlockDataHashingStructure;
import org.hyperledger.fabric.protos.common.Capabilities;
import org.hyperledger.fabric.protos.common.Capability;
import org.hyperledger.fabric.protos.common.ConfigGroup;
import org.hyperledger.fabric.protos.common.ConfigPolicy;
import org.hyperledger.fabric.protos.common.ConfigValue;
import org.hyperledger.fabric.protos.common.HashingAlgorithm;
import org.hyperledger.fabric.protos.common.OrdererAddresses;
import org.hyperledger.fabric.protos.orderer.BatchSize;
import org.hyperledger.fabric.protos.orderer.BatchTimeout;
import org.hyperledger.fabric.protos.orderer.ChannelRestrictions;
import org.hyperledger.fabric.protos.orderer.ConsensusType;
import org.hyperledger.fabric.protos.orderer.etcdraft.ConfigMetadata;
import org.hyperledger.fabric.protos.peer.ACLs;
import org.hyperledger.fabric.protos.peer.APIResource;
import org.hyperledger.fabric.protos.peer.AnchorPeers;

/**
 * Turns a {@link ChannelProfile} into the {@code /Channel} config group, value for value as configtxgen's encoder
 * ({@code internal/configtxgen/encoder/encoder.go}) does: every group, value and policy has mod_policy
 * {@code Admins}, except the channel-level {@code OrdererAddresses} ({@code /Channel/Orderer/Admins}).
 *
 * <pre>{@code
 * ConfigGroup channel = ChannelConfigEncoder.channelGroup(profile);
 * }</pre>
 */
public final class ChannelConfigEncoder {

    static final String ADMINS = "Admins";
    static final String ORDERER = "Orderer";
    static final String APPLICATION = "Application";

    private ChannelConfigEncoder() {}

    /** The {@code /Channel} group of the profile. */
    public static ConfigGroup channelGroup(ChannelProfile profile) {
        ConfigGroup.Builder channel = ConfigGroup.newBuilder().setModPolicy(ADMINS);
        addPolicies(channel, profile.channelPolicies());
        addValue(
                channel,
                "HashingAlgorithm",
                HashingAlgorithm.newBuilder().setName("SHA256").build());
        addValue(
                channel,
                "BlockDataHashingStructure",
                BlockDataHashingStructure.newBuilder().setWidth(0xFFFFFFFF).build());
        if (!profile.globalOrdererAddresses().isEmpty()) {
            channel.putValues(
                    "OrdererAddresses",
                    value(
                            OrdererAddresses.newBuilder()
                                    .addAllAddresses(profile.globalOrdererAddresses())
                                    .build(),
                            "/Channel/Orderer/Admins"));
        }
        addCapabilities(channel, profile.channelCapabilities());
        channel.putGroups(ORDERER, ordererGroup(profile));
        channel.putGroups(APPLICATION, applicationGroup(profile));
        return channel.build();
    }

    private static ConfigGroup ordererGroup(ChannelProfile profile) {
        ConfigGroup.Builder orderer = ConfigGroup.newBuilder().setModPolicy(ADMINS);
        addPolicies(orderer, profile.ordererPolicies());
        BatchSettings batch = profile.batch();
        addValue(
                orderer,
                "BatchSize",
                BatchSize.newBuilder()
                        .setMaxMessageCount(batch.maxMessageCount())
                        .setAbsoluteMaxBytes(batch.absoluteMaxBytes())
                        .setPreferredMaxBytes(batch.preferredMaxBytes())
                        .build());
        addValue(
                orderer,
                "BatchTimeout",
                BatchTimeout.newBuilder().setTimeout(batch.timeoutText()).build());
        addValue(
                orderer,
                "ChannelRestrictions",
                ChannelRestrictions.newBuilder()
                        .setMaxCount(profile.maxChannels())
                        .build());
        addCapabilities(orderer, profile.ordererCapabilities());
        ConfigMetadata.Builder raft =
                ConfigMetadata.newBuilder().setOptions(profile.raftOptions().toProto());
        for (Consenter consenter : profile.consenters()) {
            raft.addConsenters(org.hyperledger.fabric.protos.orderer.etcdraft.Consenter.newBuilder()
                    .setHost(consenter.host())
                    .setPort(consenter.port())
                    .setClientTlsCert(ByteStrings.of(Pem.certificate(consenter.clientTlsCertificate())))
                    .setServerTlsCert(ByteStrings.of(Pem.certificate(consenter.serverTlsCertificate()))));
        }
        addValue(
                orderer,
                "ConsensusType",
                ConsensusType.newBuilder()
                        .setType("etcdraft")
                        .setMetadata(ByteStrings.deterministic(raft.build()))
                        .setState(ConsensusType.State.STATE_NORMAL)
                        .build());
        for (OrganizationProfile org : profile.ordererOrgs()) {
            ConfigGroup.Builder group = orgGroup(org);
            if (!org.ordererEndpoints().isEmpty()) {
                addValue(
                        group,
                        "Endpoints",
                        OrdererAddresses.newBuilder()
                                .addAllAddresses(org.ordererEndpoints())
                                .build());
            }
            orderer.putGroups(org.name(), group.build());
        }
        return orderer.build();
    }

    private static ConfigGroup applicationGroup(ChannelProfile profile) {
        ConfigGroup.Builder application = ConfigGroup.newBuilder().setModPolicy(ADMINS);
        addPolicies(application, profile.applicationPolicies());
        if (!profile.acls().isEmpty()) {
            ACLs.Builder acls = ACLs.newBuilder();
            profile.acls()
                    .forEach((resource, policy) -> acls.putAcls(
                            resource,
                            APIResource.newBuilder().setPolicyRef(policy).build()));
            addValue(application, "ACLs", acls.build());
        }
        addCapabilities(application, profile.applicationCapabilities());
        for (OrganizationProfile member : profile.applicationOrgs()) {
            ConfigGroup.Builder group = orgGroup(member);
            if (!member.anchorPeers().isEmpty()) {
                AnchorPeers.Builder anchors = AnchorPeers.newBuilder();
                member.anchorPeers()
                        .forEach(p -> anchors.addAnchorPeers(org.hyperledger.fabric.protos.peer.AnchorPeer.newBuilder()
                                .setHost(p.host())
                                .setPort(p.port())));
                addValue(group, "AnchorPeers", anchors.build());
            }
            application.putGroups(member.name(), group.build());
        }
        return application.build();
    }

    private static ConfigGroup.Builder orgGroup(OrganizationProfile org) {
        ConfigGroup.Builder group = ConfigGroup.newBuilder().setModPolicy(ADMINS);
        addPolicies(group, org.policies());
        addValue(group, "MSP", org.msp().toProto());
        return group;
    }

    private static void addPolicies(ConfigGroup.Builder group, Map<String, ChannelPolicy> policies) {
        policies.forEach((name, policy) -> group.putPolicies(
                name,
                ConfigPolicy.newBuilder()
                        .setModPolicy(ADMINS)
                        .setPolicy(policy.toProto())
                        .build()));
    }

    private static void addCapabilities(ConfigGroup.Builder group, Set<String> capabilities) {
        if (capabilities.isEmpty()) {
            return;
        }
        Capabilities.Builder value = Capabilities.newBuilder();
        capabilities.forEach(c -> value.putCapabilities(c, Capability.getDefaultInstance()));
        addValue(group, "Capabilities", value.build());
    }

    private static void addValue(ConfigGroup.Builder group, String key, Message message) {
        group.putValues(key, value(message, ADMINS));
    }

    private static ConfigValue value(Message message, String modPolicy) {
        return ConfigValue.newBuilder()
                .setModPolicy(modPolicy)
                .setValue(ByteStrings.deterministic(message))
                .build();
    }
}
