package dev.weft.provisioner.workflow;

import dev.weft.fabric.admin.channel.AnchorPeer;
import dev.weft.fabric.admin.channel.ChannelPolicy;
import dev.weft.fabric.admin.channel.ChannelProfile;
import dev.weft.fabric.admin.channel.Consenter;
import dev.weft.fabric.admin.channel.OrganizationProfile;
import dev.weft.fabric.admin.crypto.OrgMaterial;
import dev.weft.provisioner.spec.ChannelSpec;
import dev.weft.provisioner.spec.FabricNode;
import dev.weft.provisioner.spec.NetworkNaming;
import dev.weft.provisioner.spec.PeerOrgSpec;
import java.util.List;

/**
 * The genesis-block profile of a spec's channel: every orderer a Raft consenter at its cluster endpoint, the
 * channel's member orgs with all their peers as anchor peers, and the spec's policy overrides ({@code ANY}/
 * {@code ALL}/{@code MAJORITY} rules are implicit-meta policies, anything else a signature policy).
 *
 * <pre>{@code
 * ChannelProfile profile = ChannelProfiles.of(plan, runtime, plan.spec().channels().get(0));
 * byte[] block = GenesisBlockBuilder.create().buildBytes(profile);
 * }</pre>
 */
public final class ChannelProfiles {

    private ChannelProfiles() {}

    /** The profile of {@code channel}. */
    public static ChannelProfile of(NetworkPlan plan, NetworkRuntime runtime, ChannelSpec channel) {
        NetworkNaming naming = plan.naming();
        OrgMaterial ordererOrg = plan.org(plan.spec().ordererOrg().mspId());
        ChannelProfile.Builder profile = ChannelProfile.builder(channel.name())
                .ordererOrg(OrganizationProfile.ordererOrg(ordererOrg)
                        .withOrdererEndpoints(naming.orderers().stream()
                                .map(o -> runtime.clientAddress(plan, o).toString())
                                .toArray(String[]::new)));
        for (FabricNode orderer : naming.orderers()) {
            NodeAddress cluster = runtime.clusterAddress(plan, orderer);
            profile.consenter(Consenter.of(plan.node(orderer), cluster.host(), cluster.port()));
        }
        for (String orgName : channel.orgs()) {
            PeerOrgSpec org = plan.spec().peerOrg(orgName);
            AnchorPeer[] anchors = naming.peers(org).stream()
                    .map(p -> runtime.clientAddress(plan, p))
                    .map(a -> new AnchorPeer(a.host(), a.port()))
                    .toArray(AnchorPeer[]::new);
            profile.applicationOrg(
                    OrganizationProfile.applicationOrg(plan.org(org.mspId())).withAnchorPeers(anchors));
        }
        channel.policies().forEach((name, rule) -> profile.applicationPolicy(name, policy(rule)));
        return profile.build();
    }

    static ChannelPolicy policy(String rule) {
        String head = rule.trim().split("\\s+", 2)[0];
        return List.of("ANY", "ALL", "MAJORITY").contains(head)
                ? ChannelPolicy.implicitMeta(rule.trim())
                : ChannelPolicy.signature(rule.trim());
    }
}
