package dev.weft.provisioner.kubernetes.model;

import dev.weft.provisioner.spec.FabricNode;

/**
 * The secrets a network's objects are built from, looked up per node. The workflow implements it over the crypto
 * material it generated (or reloaded) and the passwords it keeps; tests use fixed fake bytes.
 *
 * <pre>{@code
 * NetworkMaterial material = new NetworkMaterial() {
 *     public NodeFiles node(FabricNode n) { return NodeFiles.of(crypto.org(n.mspId()).node(n.name())); }
 *     public CaBootstrap ca(FabricNode ca) { return CaBootstrap.of(crypto.org(ca.mspId()).ca(), "admin", pw(ca)); }
 *     public String couchDbPassword(FabricNode peer) { return pw(peer); }
 * };
 * }</pre>
 */
public interface NetworkMaterial {

    /** MSP and TLS files of an orderer or peer. */
    NodeFiles node(FabricNode node);

    /** Bootstrap material of a CA node. */
    CaBootstrap ca(FabricNode ca);

    /** Password of the CouchDB admin of a peer's sidecar (user {@code admin}); only asked for with CouchDB. */
    String couchDbPassword(FabricNode peer);
}
