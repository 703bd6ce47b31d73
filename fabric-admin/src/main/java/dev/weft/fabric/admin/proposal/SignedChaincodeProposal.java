package dev.weft.fabric.admin.proposal;

import java.util.Objects;
import org.hyperledger.fabric.protos.peer.SignedProposal;

/**
 * A signed proposal ready for {@code Endorser/ProcessProposal}, with its transaction id.
 *
 * @param transactionId {@code hex(sha256(nonce ‖ creator))}
 * @param signedProposal the proposal bytes and their signature
 */
public record SignedChaincodeProposal(String transactionId, SignedProposal signedProposal) {

    public SignedChaincodeProposal {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(signedProposal, "signedProposal");
    }
}
