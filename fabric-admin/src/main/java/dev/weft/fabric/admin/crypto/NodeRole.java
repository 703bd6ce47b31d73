package dev.weft.fabric.admin.crypto;

/** The NodeOUs role of an identity: the OU in its signing certificate and in the org's {@code config.yaml}. */
public enum NodeRole {
    ORDERER("orderer"),
    PEER("peer"),
    ADMIN("admin"),
    CLIENT("client");

    private final String ou;

    NodeRole(String ou) {
        this.ou = ou;
    }

    /** The organizational unit, e.g. {@code peer}. */
    public String ou() {
        return ou;
    }

    /** Whether the identity is a server (TLS files {@code server.*}) rather than a client ({@code client.*}). */
    public boolean isServer() {
        return this == ORDERER || this == PEER;
    }
}
