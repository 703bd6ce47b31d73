package dev.weft.gateway.fabric;

import dev.weft.gateway.config.GatewayConfig;
import io.grpc.ManagedChannel;

/**
 * Opens the gRPC channel to one peer endpoint. The gateway opens one channel per endpoint and shares it between all
 * calls; tests replace this bean with one that opens in-process channels to a fake Gateway service.
 */
public interface PeerChannelFactory {

    /** A new channel to {@code peer}; connecting happens lazily, on the first call. */
    ManagedChannel open(GatewayConfig.Peer peer);
}
