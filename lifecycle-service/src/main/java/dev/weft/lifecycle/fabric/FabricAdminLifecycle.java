package dev.weft.lifecycle.fabric;

import dev.weft.events.NetworkReady;
import dev.weft.fabric.admin.chaincode.ChaincodePackage;
import dev.weft.fabric.admin.crypto.Pem;
import dev.weft.fabric.admin.identity.SigningIdentity;
import dev.weft.fabric.admin.lifecycle.ApproveOutcome;
import dev.weft.fabric.admin.lifecycle.ChaincodeDefinition;
import dev.weft.fabric.admin.lifecycle.ChannelLifecycle;
import dev.weft.fabric.admin.lifecycle.CommitOutcome;
import dev.weft.fabric.admin.lifecycle.GatewayDeadlines;
import dev.weft.fabric.admin.lifecycle.LifecycleGateways;
import dev.weft.fabric.admin.lifecycle.PeerLifecycle;
import dev.weft.fabric.admin.peer.Endorser;
import dev.weft.fabric.admin.peer.GrpcConnections;
import dev.weft.fabric.admin.peer.GrpcEndpoint;
import io.grpc.ManagedChannel;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hyperledger.fabric.client.Gateway;

/**
 * {@link LifecycleFabric} on fabric-admin: installs through each peer's Endorser service, everything on the channel
 * through the Fabric Gateway of the organization's first peer, all signed by the organization's admin.
 */
final class FabricAdminLifecycle implements LifecycleFabric {

    private final Map<String, OrgConnection> orgs = new LinkedHashMap<>();

    FabricAdminLifecycle(NetworkReady network, String channel, Duration installDeadline) {
        try {
            for (NetworkReady.Organization org : network.organizations()) {
                orgs.put(org.mspId(), OrgConnection.open(org, channel, installDeadline));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public List<String> peers(String mspId) {
        return List.copyOf(org(mspId).peers.keySet());
    }

    @Override
    public boolean install(String mspId, String peer, ChaincodePackage chaincodePackage) {
        OrgConnection org = org(mspId);
        PeerLifecycle lifecycle = org.peers.get(peer);
        if (lifecycle == null) {
            throw new IllegalArgumentException("organization " + mspId + " has no peer " + peer);
        }
        return lifecycle.install(chaincodePackage).alreadyInstalled();
    }

    @Override
    public Optional<ChaincodeDefinition> committed(String mspId, String name) {
        return org(mspId).lifecycle.queryCommitted(name);
    }

    @Override
    public Optional<String> approvedPackage(String mspId, String name, long sequence) {
        return org(mspId).lifecycle.queryApproved(name, sequence).flatMap(approved -> approved.packageId());
    }

    @Override
    public boolean approve(String mspId, ChaincodeDefinition definition, String packageId) {
        return org(mspId).lifecycle.approveForMyOrg(definition, packageId) == ApproveOutcome.ALREADY_APPROVED;
    }

    @Override
    public Map<String, Boolean> commitReadiness(String mspId, ChaincodeDefinition definition) {
        return org(mspId).lifecycle.checkCommitReadiness(definition);
    }

    @Override
    public boolean commit(String mspId, ChaincodeDefinition definition) {
        return org(mspId).lifecycle.commit(definition) == CommitOutcome.ALREADY_COMMITTED;
    }

    @Override
    public void init(String mspId, String chaincode, String function, List<String> args) {
        OrgConnection org = org(mspId);
        InitTransactions.submit(org.gateway, org.channel, org.admin, chaincode, function, args);
    }

    @Override
    public void close() {
        orgs.values().forEach(OrgConnection::close);
    }

    private OrgConnection org(String mspId) {
        OrgConnection org = orgs.get(mspId);
        if (org == null) {
            throw new IllegalArgumentException("the network has no organization " + mspId);
        }
        return org;
    }

    /** The connections of one organization: a gRPC channel per peer, and a gateway on the first. */
    private static final class OrgConnection {
        final String channel;
        final SigningIdentity admin;
        final Map<String, PeerLifecycle> peers = new LinkedHashMap<>();
        final List<ManagedChannel> grpcChannels = new ArrayList<>();
        Gateway gateway;
        ChannelLifecycle lifecycle;

        private OrgConnection(String channel, SigningIdentity admin) {
            this.channel = channel;
            this.admin = admin;
        }

        static OrgConnection open(NetworkReady.Organization org, String channel, Duration installDeadline) {
            if (org.peers().isEmpty()) {
                throw new IllegalArgumentException("organization " + org.mspId() + " has no peers");
            }
            SigningIdentity admin = AdminIdentities.resolve(org.mspId(), org.adminIdentity());
            OrgConnection connection = new OrgConnection(channel, admin);
            try {
                List<X509Certificate> roots = org.tlsCaCertPem() == null
                        ? List.of()
                        : List.of(Pem.parseCertificate(org.tlsCaCertPem().getBytes(StandardCharsets.US_ASCII)));
                for (NetworkReady.Peer peer : org.peers()) {
                    GrpcEndpoint endpoint = endpoint(peer, roots);
                    ManagedChannel grpc = GrpcConnections.open(endpoint);
                    connection.grpcChannels.add(grpc);
                    connection.peers.put(
                            peer.name(),
                            new PeerLifecycle(
                                    new Endorser(endpoint.label(), grpc, Duration.ofSeconds(30)),
                                    admin,
                                    installDeadline));
                }
                ManagedChannel first = connection.grpcChannels.get(0);
                connection.gateway = LifecycleGateways.connect(first, admin, GatewayDeadlines.DEFAULT);
                connection.lifecycle = new ChannelLifecycle(
                        connection.gateway.getNetwork(channel),
                        org.mspId(),
                        org.peers().get(0).name());
                return connection;
            } catch (RuntimeException e) {
                connection.close();
                throw e;
            }
        }

        private static GrpcEndpoint endpoint(NetworkReady.Peer peer, List<X509Certificate> roots) {
            int colon = peer.address().lastIndexOf(':');
            String host = peer.address().substring(0, colon);
            int port = Integer.parseInt(peer.address().substring(colon + 1));
            String name = peer.tlsHostName() != null ? peer.tlsHostName() : peer.name();
            return roots.isEmpty()
                    ? GrpcEndpoint.plaintext(name, host, port)
                    : GrpcEndpoint.tls(name, host, port, roots);
        }

        void close() {
            if (gateway != null) {
                gateway.close();
            }
            grpcChannels.forEach(GrpcConnections::close);
        }
    }
}
