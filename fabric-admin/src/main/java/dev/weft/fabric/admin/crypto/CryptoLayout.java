package dev.weft.fabric.admin.crypto;

/**
 * Folder names of cryptogen's {@code crypto-config} tree, relative to its root.
 *
 * <pre>{@code
 * ordererOrganizations/example.com/{ca,tlsca,msp,orderers/<host>/{msp,tls},users/Admin@example.com/{msp,tls}}
 * peerOrganizations/org1.example.com/{ca,tlsca,msp,peers/<host>/{msp,tls},users/<User>@org1.example.com/{msp,tls}}
 * }</pre>
 */
public final class CryptoLayout {

    private CryptoLayout() {}

    /** {@code ordererOrganizations/<domain>} or {@code peerOrganizations/<domain>}. */
    public static String orgDirectory(Topology.Org org) {
        return (org instanceof Topology.OrdererOrg ? "ordererOrganizations/" : "peerOrganizations/") + org.domain();
    }

    /** {@code <org dir>/orderers/<host>} or {@code <org dir>/peers/<host>}. */
    public static String nodeDirectory(Topology.Org org, String hostName) {
        return orgDirectory(org) + (org instanceof Topology.OrdererOrg ? "/orderers/" : "/peers/") + hostName;
    }

    /** {@code <org dir>/users/<user>@<domain>}. */
    public static String userDirectory(Topology.Org org, String userName) {
        return orgDirectory(org) + "/users/" + userName + "@" + org.domain();
    }

    /** {@code ca.<domain>}. */
    public static String caName(Topology.Org org) {
        return "ca." + org.domain();
    }

    /** {@code tlsca.<domain>}. */
    public static String tlsCaName(Topology.Org org) {
        return "tlsca." + org.domain();
    }
}
