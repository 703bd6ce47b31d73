package dev.weft.events;

import java.util.List;

/**
 * The network runs, every orderer and peer has joined its channels. Carries the connection facts the other services
 * need. It never carries a private key: admin identities are given as references the consumer can resolve where it
 * runs ({@code file:/path/to/msp} locally, {@code secret:<namespace>/<name>} on Kubernetes).
 *
 * @param network the network name
 * @param runtime {@code kubernetes} or {@code local}
 * @param namespace the Kubernetes namespace, or {@code null} for the local runtime
 * @param channels the channels every listed peer has joined
 * @param orderers the orderer endpoints
 * @param organizations the peer organizations
 */
public record NetworkReady(
        String network,
        String runtime,
        String namespace,
        List<String> channels,
        List<Orderer> orderers,
        List<Organization> organizations)
        implements EventData {

    public NetworkReady {
        Fields.required(network, "network");
        Fields.required(runtime, "runtime");
        channels = Fields.list(channels);
        orderers = Fields.list(orderers);
        organizations = Fields.list(organizations);
    }

    @Override
    public String subject() {
        return network;
    }

    /**
     * An orderer.
     *
     * @param name the node name, e.g. {@code orderer0}
     * @param address the client endpoint, {@code host:port}
     * @param adminAddress the channel participation (osnadmin) endpoint, {@code host:port}
     * @param tlsHostName the host name its TLS certificate is issued for
     * @param tlsCaCertPem the PEM of the TLS CA that issued its server certificate
     */
    public record Orderer(String name, String address, String adminAddress, String tlsHostName, String tlsCaCertPem) {
        public Orderer {
            Fields.required(name, "orderers[].name");
            Fields.required(address, "orderers[].address");
        }
    }

    /**
     * A peer organization.
     *
     * @param mspId the MSP id
     * @param tlsCaCertPem the PEM of the organization's TLS CA
     * @param adminIdentity where the organization's admin MSP folder or Secret is (a reference, never key bytes)
     * @param caAddress the Fabric CA endpoint, or {@code null} when the organization has none
     * @param peers the organization's peers
     */
    public record Organization(
            String mspId, String tlsCaCertPem, String adminIdentity, String caAddress, List<Peer> peers) {
        public Organization {
            Fields.required(mspId, "organizations[].mspId");
            peers = Fields.list(peers);
        }
    }

    /**
     * A peer.
     *
     * @param name the node name, e.g. {@code peer0}
     * @param address the client (gateway) endpoint, {@code host:port}
     * @param tlsHostName the host name its TLS certificate is issued for
     */
    public record Peer(String name, String address, String tlsHostName) {
        public Peer {
            Fields.required(name, "organizations[].peers[].name");
            Fields.required(address, "organizations[].peers[].address");
        }
    }
}
