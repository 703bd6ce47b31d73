/**
 * Application channel configuration and genesis blocks, as {@code configtxgen} makes them for etcdraft channels
 * without a system channel, plus Fabric's signature policy language ({@link dev.weft.fabric.admin.channel.PolicyDsl}).
 *
 * <pre>{@code
 * byte[] block = GenesisBlockBuilder.create().buildBytes(ChannelProfile.builder("mychannel")
 *         .ordererOrg(OrganizationProfile.ordererOrg(ordererOrg).withOrdererEndpoints("127.0.0.1:7050"))
 *         .consenter(Consenter.of(ordererOrg.node("orderer0.example.com"), "127.0.0.1", 7050))
 *         .applicationOrg(OrganizationProfile.applicationOrg(org1).withAnchorPeers(new AnchorPeer("127.0.0.1", 7051)))
 *         .build());
 * }</pre>
 */
package dev.weft.fabric.admin.channel;
