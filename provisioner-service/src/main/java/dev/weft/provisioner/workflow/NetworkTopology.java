package dev.weft.provisioner.workflow;

import dev.weft.fabric.admin.crypto.Topology;
import dev.weft.provisioner.spec.FabricNode;
import dev.weft.provisioner.spec.NetworkNaming;
import dev.weft.provisioner.spec.OrdererOrgSpec;
import dev.weft.provisioner.spec.PeerOrgSpec;
import java.util.List;

/**
 * The crypto topology of a spec: every org with domain {@code <org>.<namespace>}, every orderer and peer named as
 * {@link NetworkNaming} names it (the certificate CN, e.g. {@code org1-peer0}) with every other name it is reached
 * by as TLS SANs, and a {@code User1} in each peer org.
 *
 * <pre>{@code
 * Topology t = NetworkTopology.of(NetworkNaming.of(NetworkSpec.defaults("demo")));
 * t.peerOrgs().get(0).domain();            // "org1.demo"
 * t.peerOrgs().get(0).peers().get(0).name(); // "org1-peer0"
 * }</pre>
 */
public final class NetworkTopology {

    private NetworkTopology() {}

    /** The topology of the named network. */
    public static Topology of(NetworkNaming naming) {
        OrdererOrgSpec ord = naming.spec().ordererOrg();
        Topology.OrdererOrg ordererOrg = new Topology.OrdererOrg(
                ord.name(), domain(naming, ord.name()), ord.mspId(), nodes(naming, naming.orderers()));
        List<Topology.PeerOrg> peerOrgs = naming.spec().peerOrgs().stream()
                .map(org -> peerOrg(naming, org))
                .toList();
        return new Topology(List.of(ordererOrg), peerOrgs);
    }

    /** {@code <org>.<namespace>}. */
    public static String domain(NetworkNaming naming, String orgName) {
        return orgName + "." + naming.namespace();
    }

    private static Topology.PeerOrg peerOrg(NetworkNaming naming, PeerOrgSpec org) {
        return new Topology.PeerOrg(
                org.name(),
                domain(naming, org.name()),
                org.mspId(),
                nodes(naming, naming.peers(org)),
                List.of("User1"));
    }

    private static List<Topology.Node> nodes(NetworkNaming naming, List<FabricNode> nodes) {
        return nodes.stream()
                .map(n -> new Topology.Node(
                        n.name(),
                        naming.hostNames(n).stream()
                                .filter(h -> !h.equals(n.name()))
                                .toList()))
                .toList();
    }
}
