package dev.weft.provisioner.kubernetes.model;

import dev.weft.fabric.admin.crypto.CertificateAuthority;
import dev.weft.fabric.admin.crypto.NodeMaterial;
import dev.weft.provisioner.spec.FabricNode;
import java.util.Objects;
import java.util.function.Function;

/**
 * The secrets a network's objects are built from, looked up per node. The workflow implements it over the crypto
 * material it generated (or reloaded) and the passwords it keeps; tests use fixed fake bytes.
 *
 * <pre>{@code
 * NetworkMaterial material = NetworkMaterial.of(plan::node, mspId -> plan.org(mspId).ca(), passwords::of);
 * // or by hand:
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

    /** User name of every CA's bootstrap registrar when built with {@link #of}. */
    String CA_ADMIN_USER = "admin";

    /**
     * Material over fabric-admin's crypto records.
     *
     * @param nodes the generated material of an orderer or peer
     * @param orgCas an org's signing CA (certificate and key) by MSP id
     * @param passwords the CouchDB password of a peer, or the registrar password ({@value #CA_ADMIN_USER}) of a CA;
     *     keep them stable across runs, or every apply rewrites the Secrets
     */
    static NetworkMaterial of(
            Function<FabricNode, NodeMaterial> nodes,
            Function<String, CertificateAuthority> orgCas,
            Function<FabricNode, String> passwords) {
        Objects.requireNonNull(nodes, "nodes");
        Objects.requireNonNull(orgCas, "orgCas");
        Objects.requireNonNull(passwords, "passwords");
        return new NetworkMaterial() {
            @Override
            public NodeFiles node(FabricNode node) {
                return NodeFiles.of(nodes.apply(node));
            }

            @Override
            public CaBootstrap ca(FabricNode ca) {
                return CaBootstrap.of(orgCas.apply(ca.mspId()), CA_ADMIN_USER, passwords.apply(ca));
            }

            @Override
            public String couchDbPassword(FabricNode peer) {
                return passwords.apply(peer);
            }
        };
    }
}
