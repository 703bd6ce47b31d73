package dev.weft.gateway.fake;

import dev.weft.gateway.config.GatewayConfig;
import dev.weft.gateway.fabric.PeerChannelFactory;
import io.grpc.ManagedChannel;
import io.grpc.inprocess.InProcessChannelBuilder;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

/** In the tests, a peer address is the name of an in-process gRPC server. */
@ApplicationScoped
@Alternative
@Priority(1)
public class InProcessPeerChannelFactory implements PeerChannelFactory {

    @Override
    public ManagedChannel open(GatewayConfig.Peer peer) {
        return InProcessChannelBuilder.forName(peer.address()).build();
    }
}
