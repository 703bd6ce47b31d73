package dev.weft.fabric.admin.channel;

/**
 * A peer other orgs' peers reach for gossip, set in the genesis block (there is no anchor peer update transaction).
 *
 * @param host host name, e.g. {@code peer0.org1.example.com}
 * @param port gRPC port, e.g. {@code 7051}
 */
public record AnchorPeer(String host, int port) {
    public AnchorPeer {
        Endpoints.requireHostPort("anchor peer", host, port);
    }
}
