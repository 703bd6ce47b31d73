package dev.weft.lifecycle.fabric;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.weft.fabric.admin.identity.SigningIdentity;
import dev.weft.fabric.admin.proposal.FabricAdminException;
import java.security.GeneralSecurityException;
import java.util.List;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.Hash;
import org.hyperledger.fabric.client.Proposal;
import org.hyperledger.fabric.client.Status;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.hyperledger.fabric.client.identity.Signers;
import org.hyperledger.fabric.protos.gateway.ProposedTransaction;
import org.hyperledger.fabric.protos.peer.ChaincodeInvocationSpec;
import org.hyperledger.fabric.protos.peer.ChaincodeProposalPayload;
import org.hyperledger.fabric.protos.peer.SignedProposal;

/**
 * Submits the init transaction of an init-required chaincode through the Fabric Gateway. The gateway client has no
 * switch for {@code ChaincodeInput.is_init} (what {@code peer chaincode invoke --isInit} sets), so the proposal is
 * built by the client, the flag set in its payload, and the result signed off-line and handed back to the gateway.
 */
final class InitTransactions {

    private InitTransactions() {}

    static void submit(
            org.hyperledger.fabric.client.Gateway gateway,
            String channel,
            SigningIdentity admin,
            String chaincode,
            String function,
            List<String> args) {
        String operation = chaincode + "/" + function + " (init)";
        try {
            Proposal unsigned = gateway.getNetwork(channel)
                    .getContract(chaincode)
                    .newProposal(function)
                    .addArguments(args.toArray(String[]::new))
                    .build();
            ProposedTransaction proposed = ProposedTransaction.parseFrom(unsigned.getBytes());
            org.hyperledger.fabric.protos.peer.Proposal proposal =
                    org.hyperledger.fabric.protos.peer.Proposal.parseFrom(
                            proposed.getProposal().getProposalBytes());
            ChaincodeProposalPayload payload = ChaincodeProposalPayload.parseFrom(proposal.getPayload());
            ChaincodeInvocationSpec invocation = ChaincodeInvocationSpec.parseFrom(payload.getInput());
            ChaincodeInvocationSpec initInvocation = invocation.toBuilder()
                    .setChaincodeSpec(invocation.getChaincodeSpec().toBuilder()
                            .setInput(invocation.getChaincodeSpec().getInput().toBuilder()
                                    .setIsInit(true)))
                    .build();
            byte[] proposalBytes = proposal.toBuilder()
                    .setPayload(payload.toBuilder()
                            .setInput(initInvocation.toByteString())
                            .build()
                            .toByteString())
                    .build()
                    .toByteArray();
            ProposedTransaction initProposed = proposed.toBuilder()
                    .setProposal(SignedProposal.newBuilder()
                            .setProposalBytes(com.google.protobuf.ByteString.copyFrom(proposalBytes)))
                    .build();
            byte[] signature = Signers.newPrivateKeySigner(admin.privateKey()).sign(Hash.SHA256.apply(proposalBytes));
            SubmittedTransaction submitted = gateway.newSignedProposal(initProposed.toByteArray(), signature)
                    .endorse()
                    .submitAsync();
            Status status = submitted.getStatus();
            if (!status.isSuccessful()) {
                throw new FabricAdminException(
                        FabricAdminException.Kind.REJECTED,
                        "gateway",
                        operation,
                        "transaction " + status.getCode(),
                        "init transaction " + status.getTransactionId() + " was not committed");
            }
        } catch (GatewayException e) {
            String details = e.getDetails().stream()
                    .map(d -> d.getMspId() + "@" + d.getAddress() + ": " + d.getMessage())
                    .reduce(String.valueOf(e.getStatus().getDescription()), (a, b) -> a + "; " + b);
            throw new FabricAdminException(
                    FabricAdminException.Kind.REJECTED,
                    "gateway",
                    operation,
                    e.getStatus().getCode().name(),
                    details,
                    e);
        } catch (InvalidProtocolBufferException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the init proposal: " + e.getMessage(), e);
        }
    }
}
