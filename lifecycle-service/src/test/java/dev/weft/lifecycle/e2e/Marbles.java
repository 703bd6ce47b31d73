package dev.weft.lifecycle.e2e;

import dev.weft.fabric.admin.crypto.NodeMaterial;
import dev.weft.fabric.admin.lifecycle.GatewayDeadlines;
import dev.weft.fabric.admin.lifecycle.LifecycleGateways;
import dev.weft.fabric.admin.peer.GrpcConnections;
import io.grpc.ManagedChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.Gateway;

/** Calls marbles through the Fabric Gateway as Org1's User1, like a client application. */
final class Marbles {

    private Marbles() {}

    static void initMarble(LocalFabric fabric, String chaincode, String name, String color, int size, String owner)
            throws Exception {
        call(fabric, chaincode, contract -> {
            contract.submitTransaction("initMarble", name, color, Integer.toString(size), owner);
            return null;
        });
    }

    static String readMarble(LocalFabric fabric, String chaincode, String name) throws Exception {
        return call(
                fabric,
                chaincode,
                contract -> new String(contract.evaluateTransaction("readMarble", name), StandardCharsets.UTF_8));
    }

    interface Call<T> {
        T apply(Contract contract) throws Exception;
    }

    static <T> T call(LocalFabric fabric, String chaincode, Call<T> call) throws Exception {
        LocalFabric.Peer peer = fabric.peers().get(0);
        NodeMaterial user = peer.org().user("User1");
        ManagedChannel channel = GrpcConnections.open(fabric.endpoint(peer));
        GatewayDeadlines deadlines = new GatewayDeadlines(
                Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(15), Duration.ofSeconds(60));
        try (Gateway gateway = LifecycleGateways.connect(channel, user.signingIdentity(), deadlines)) {
            return call.apply(gateway.getNetwork(LocalFabric.CHANNEL).getContract(chaincode));
        } finally {
            GrpcConnections.close(channel);
        }
    }
}
