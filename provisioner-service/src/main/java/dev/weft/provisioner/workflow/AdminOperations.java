package dev.weft.provisioner.workflow;

import dev.weft.fabric.admin.crypto.NodeMaterial;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The Fabric admin calls the workflow makes: osnadmin list/join on orderers, cscc GetChannels/JoinChain on peers.
 * {@link FabricAdminOperations} makes them for real; workflow tests use a fake.
 *
 * <pre>{@code
 * if (!admin.ordererChannels(target).contains("mychannel")) admin.joinOrderer(target, block);
 * }</pre>
 */
public interface AdminOperations {

    /** The channels an orderer serves. */
    List<String> ordererChannels(Target orderer);

    /** Joins an orderer to the channel of the genesis block; an orderer that has it already is success. */
    void joinOrderer(Target orderer, byte[] genesisBlock);

    /** The channels a peer has joined. */
    List<String> peerChannels(Target peer);

    /** Joins a peer to the channel of the genesis block; a peer that has it already is success. */
    void joinPeer(Target peer, byte[] genesisBlock);

    /**
     * A node to call, with the identity to call it as.
     *
     * @param name the node name, also its TLS server name
     * @param address where to dial: the admin endpoint of an orderer, the client endpoint of a peer
     * @param tlsRoot the TLS CA that issued the node's certificate
     * @param admin the org admin (signing identity and TLS client certificate)
     */
    record Target(String name, NodeAddress address, X509Certificate tlsRoot, NodeMaterial admin) {

        @Override
        public String toString() {
            return name + " (" + address + ")";
        }
    }
}
