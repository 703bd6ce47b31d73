package dev.weft.provisioner.workflow;

import dev.weft.fabric.admin.crypto.CryptoMaterial;
import dev.weft.fabric.admin.crypto.NodeMaterial;
import dev.weft.fabric.admin.crypto.OrgMaterial;
import dev.weft.provisioner.spec.FabricNode;
import dev.weft.provisioner.spec.NetworkNaming;
import dev.weft.provisioner.spec.NetworkSpec;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What a runtime needs to run a network: the spec with its naming, the network's folder and, once the {@code crypto}
 * step has run, the crypto material.
 *
 * <pre>{@code
 * NetworkPlan plan = NetworkPlan.of(spec, folder).withCrypto(crypto);
 * plan.node(naming.peers().get(0)).tlsFiles(); // the peer's TLS files
 * plan.adminMsp("Org1MSP");                     // <folder>/crypto/peerOrganizations/org1.demo/users/Admin@org1.demo/msp
 * }</pre>
 *
 * @param naming the spec (defaults applied) and its names
 * @param folder the network's files
 * @param crypto the crypto material, {@code null} before the crypto step
 */
public record NetworkPlan(NetworkNaming naming, NetworkFolder folder, CryptoMaterial crypto) {

    public NetworkPlan {
        Objects.requireNonNull(naming, "naming");
        Objects.requireNonNull(folder, "folder");
    }

    /** A plan without crypto material yet. */
    public static NetworkPlan of(NetworkSpec spec, NetworkFolder folder) {
        return new NetworkPlan(NetworkNaming.of(spec), folder, null);
    }

    /** The spec, defaults applied. */
    public NetworkSpec spec() {
        return naming.spec();
    }

    /** The network name. */
    public String name() {
        return naming.spec().name();
    }

    /** The same plan with crypto material. */
    public NetworkPlan withCrypto(CryptoMaterial material) {
        return new NetworkPlan(naming, folder, material);
    }

    /** The crypto material; fails when the crypto step has not run. */
    public CryptoMaterial requireCrypto() {
        if (crypto == null) {
            throw new IllegalStateException("network " + name() + ": crypto material not loaded yet");
        }
        return crypto;
    }

    /** The org material of a node's org. */
    public OrgMaterial org(String mspId) {
        return requireCrypto().org(mspId);
    }

    /** An orderer's or peer's material. */
    public NodeMaterial node(FabricNode node) {
        return org(node.mspId()).node(node.name());
    }

    /** A node's folder in the crypto tree ({@code msp/}, {@code tls/}). */
    public Path nodeCrypto(FabricNode node) {
        return folder.crypto().resolve(node(node).directory());
    }

    /** The folder of an org's admin MSP. */
    public Path adminMsp(String mspId) {
        return folder.crypto().resolve(org(mspId).admin().directory()).resolve("msp");
    }

    /** The folder of an org's signing CA ({@code <name>-cert.pem}, {@code priv_sk}). */
    public Path caFolder(String mspId) {
        return folder.crypto().resolve(org(mspId).directory()).resolve("ca");
    }
}
