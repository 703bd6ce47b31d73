package dev.weft.fabric.admin.channel;

import dev.weft.fabric.admin.crypto.CryptoMaterial;
import dev.weft.fabric.admin.crypto.NodeMaterial;
import dev.weft.fabric.admin.crypto.OrgMaterial;
import java.util.ArrayList;
import java.util.List;

/** Channel profiles for tests: every node on 127.0.0.1, orderers from port 7050, anchor peers from 7051, step 1000. */
final class Profiles {

    private Profiles() {}

    static ChannelProfile.Builder localhost(String channelId, CryptoMaterial crypto) {
        ChannelProfile.Builder builder = ChannelProfile.builder(channelId);
        int port = 7050;
        for (OrgMaterial org : crypto.ordererOrgs()) {
            List<String> endpoints = new ArrayList<>();
            for (NodeMaterial orderer : org.nodes()) {
                builder.consenter(Consenter.of(orderer, "127.0.0.1", port));
                endpoints.add("127.0.0.1:" + port);
                port += 1000;
            }
            builder.ordererOrg(
                    OrganizationProfile.ordererOrg(org).withOrdererEndpoints(endpoints.toArray(String[]::new)));
        }
        int peerPort = 7051;
        for (OrgMaterial org : crypto.peerOrgs()) {
            builder.applicationOrg(OrganizationProfile.applicationOrg(org)
                    .withAnchorPeers(new AnchorPeer(org.nodes().get(0).name(), peerPort)));
            peerPort += 1000;
        }
        return builder;
    }
}
