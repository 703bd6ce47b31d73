package dev.weft.fabric.admin.lifecycle;

import dev.weft.fabric.admin.identity.SigningIdentity;
import io.grpc.Channel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.client.CallOption;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.Hash;
import org.hyperledger.fabric.client.identity.Signers;
import org.hyperledger.fabric.client.identity.X509Identity;

/**
 * Connects the Fabric Gateway client as an organization admin, with a deadline on every call.
 *
 * <pre>{@code
 * try (Gateway gateway = LifecycleGateways.connect(grpcChannel, org1Admin, GatewayDeadlines.DEFAULT)) {
 *     ChannelLifecycle lifecycle = new ChannelLifecycle(gateway.getNetwork("mychannel"), "Org1MSP", "peer0.org1");
 * }
 * }</pre>
 */
public final class LifecycleGateways {

    private LifecycleGateways() {}

    /** A gateway over {@code channel} (not closed by the gateway) that signs as {@code admin}. */
    public static Gateway connect(Channel channel, SigningIdentity admin, GatewayDeadlines deadlines) {
        return Gateway.newInstance()
                .identity(new X509Identity(admin.mspId(), admin.certificate()))
                .signer(Signers.newPrivateKeySigner(admin.privateKey()))
                .hash(Hash.SHA256)
                .connection(channel)
                .evaluateOptions(deadline(deadlines.evaluate()))
                .endorseOptions(deadline(deadlines.endorse()))
                .submitOptions(deadline(deadlines.submit()))
                .commitStatusOptions(deadline(deadlines.commitStatus()))
                .connect();
    }

    private static CallOption deadline(Duration duration) {
        return CallOption.deadlineAfter(duration.toMillis(), TimeUnit.MILLISECONDS);
    }
}
