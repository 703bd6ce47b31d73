package dev.weft.provisioner.workflow;

import dev.weft.fabric.admin.orderer.OsnAdminClient;
import dev.weft.fabric.admin.orderer.OsnAdminEndpoint;
import dev.weft.fabric.admin.peer.Endorser;
import dev.weft.fabric.admin.peer.GrpcConnections;
import dev.weft.fabric.admin.peer.GrpcEndpoint;
import dev.weft.fabric.admin.peer.PeerAdmin;
import io.grpc.ManagedChannel;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * {@link AdminOperations} over fabric-admin: osnadmin with the orderer org admin's TLS client certificate, cscc
 * proposals signed by the peer org's admin. One connection per call: joins happen once per node and channel.
 */
public final class FabricAdminOperations implements AdminOperations {

    private final Duration deadline;

    /** Calls with the given deadline each. */
    public FabricAdminOperations(Duration deadline) {
        this.deadline = deadline;
    }

    @Override
    public List<String> ordererChannels(Target orderer) {
        return osnAdmin(orderer).listChannels();
    }

    @Override
    public void joinOrderer(Target orderer, byte[] genesisBlock) {
        osnAdmin(orderer).join(genesisBlock);
    }

    @Override
    public List<String> peerChannels(Target peer) {
        return withPeer(peer, PeerAdmin::channels);
    }

    @Override
    public void joinPeer(Target peer, byte[] genesisBlock) {
        withPeer(peer, admin -> admin.joinChannel(genesisBlock));
    }

    private OsnAdminClient osnAdmin(Target orderer) {
        return new OsnAdminClient(
                OsnAdminEndpoint.mutualTls(
                        orderer.name(),
                        orderer.address().host(),
                        orderer.address().port(),
                        List.of(orderer.tlsRoot()),
                        orderer.admin().tlsCertificate(),
                        orderer.admin().tlsPrivateKey()),
                deadline);
    }

    private <T> T withPeer(Target peer, Function<PeerAdmin, T> call) {
        GrpcEndpoint endpoint = GrpcEndpoint.tls(
                peer.name(), peer.address().host(), peer.address().port(), List.of(peer.tlsRoot()));
        ManagedChannel channel = GrpcConnections.open(endpoint);
        try {
            return call.apply(new PeerAdmin(
                    new Endorser(endpoint.label(), channel, deadline),
                    peer.admin().signingIdentity()));
        } finally {
            GrpcConnections.close(channel);
        }
    }
}
