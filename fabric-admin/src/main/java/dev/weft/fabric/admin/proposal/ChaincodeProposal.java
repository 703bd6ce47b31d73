package dev.weft.fabric.admin.proposal;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import dev.weft.fabric.admin.identity.SigningIdentity;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hyperledger.fabric.client.Hash;
import org.hyperledger.fabric.client.identity.Signers;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.peer.ChaincodeHeaderExtension;
import org.hyperledger.fabric.protos.peer.ChaincodeID;
import org.hyperledger.fabric.protos.peer.ChaincodeInput;
import org.hyperledger.fabric.protos.peer.ChaincodeInvocationSpec;
import org.hyperledger.fabric.protos.peer.ChaincodeProposalPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeSpec;
import org.hyperledger.fabric.protos.peer.Proposal;
import org.hyperledger.fabric.protos.peer.SignedProposal;

/**
 * Builds and signs a chaincode proposal for the Endorser service: system chaincode calls such as {@code
 * cscc/JoinChain} or {@code _lifecycle/InstallChaincode}, which the Fabric Gateway cannot send.
 *
 * <p>The layout is the one of the Fabric SDKs: an {@code ENDORSER_TRANSACTION} channel header with the chaincode name
 * as extension, a signature header {@code {creator, nonce}}, the invocation spec {@code [function, args...]} as
 * payload, and an ECDSA signature over the SHA-256 of the proposal bytes (low-S, as the MSP requires).
 *
 * <pre>{@code
 * SignedChaincodeProposal proposal = ChaincodeProposal.builder("cscc", "JoinChain")
 *         .argument(genesisBlockBytes)
 *         .build()
 *         .sign(admin);
 * endorser.processProposal(proposal.signedProposal());
 * }</pre>
 */
public final class ChaincodeProposal {

    private final String channel;
    private final String chaincode;
    private final String function;
    private final List<ByteString> arguments;
    private final Clock clock;

    private ChaincodeProposal(Builder builder) {
        this.channel = builder.channel;
        this.chaincode = builder.chaincode;
        this.function = builder.function;
        this.arguments = List.copyOf(builder.arguments);
        this.clock = builder.clock;
    }

    /** Starts a proposal for {@code function} of {@code chaincode}; the channel is empty unless set. */
    public static Builder builder(String chaincode, String function) {
        return new Builder(chaincode, function);
    }

    /** Creates a fresh transaction context for {@code identity} and signs the proposal with its key. */
    public SignedChaincodeProposal sign(SigningIdentity identity) {
        return sign(identity, TransactionContext.create(identity));
    }

    /** Signs the proposal in a given transaction context (tests use a fixed nonce). */
    public SignedChaincodeProposal sign(SigningIdentity identity, TransactionContext context) {
        Proposal proposal = unsigned(context);
        ByteString proposalBytes = proposal.toByteString();
        byte[] signature;
        try {
            signature = Signers.newPrivateKeySigner(identity.privateKey())
                    .sign(Hash.SHA256.apply(proposalBytes.toByteArray()));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot sign with the key of " + identity, e);
        }
        SignedProposal signed = SignedProposal.newBuilder()
                .setProposalBytes(proposalBytes)
                .setSignature(ByteString.copyFrom(signature))
                .build();
        return new SignedChaincodeProposal(context.transactionId(), signed);
    }

    /** The unsigned proposal message in a given context. */
    public Proposal unsigned(TransactionContext context) {
        ChaincodeID chaincodeId = ChaincodeID.newBuilder().setName(chaincode).build();
        Instant now = clock.instant();
        ChannelHeader channelHeader = ChannelHeader.newBuilder()
                .setType(HeaderType.ENDORSER_TRANSACTION_VALUE)
                .setChannelId(channel)
                .setTxId(context.transactionId())
                .setTimestamp(Timestamp.newBuilder()
                        .setSeconds(now.getEpochSecond())
                        .setNanos(now.getNano())
                        .build())
                .setEpoch(0)
                .setExtension(ChaincodeHeaderExtension.newBuilder()
                        .setChaincodeId(chaincodeId)
                        .build()
                        .toByteString())
                .build();
        Header header = Header.newBuilder()
                .setChannelHeader(channelHeader.toByteString())
                .setSignatureHeader(context.signatureHeader().toByteString())
                .build();
        ChaincodeInput.Builder input = ChaincodeInput.newBuilder().addArgs(ByteString.copyFromUtf8(function));
        arguments.forEach(input::addArgs);
        ChaincodeInvocationSpec invocation = ChaincodeInvocationSpec.newBuilder()
                .setChaincodeSpec(ChaincodeSpec.newBuilder()
                        .setChaincodeId(chaincodeId)
                        .setInput(input)
                        .build())
                .build();
        ChaincodeProposalPayload payload = ChaincodeProposalPayload.newBuilder()
                .setInput(invocation.toByteString())
                .build();
        return Proposal.newBuilder()
                .setHeader(header.toByteString())
                .setPayload(payload.toByteString())
                .build();
    }

    /** Collects the parts of a proposal. */
    public static final class Builder {
        private final String chaincode;
        private final String function;
        private final List<ByteString> arguments = new ArrayList<>();
        private String channel = "";
        private Clock clock = Clock.systemUTC();

        private Builder(String chaincode, String function) {
            this.chaincode = Objects.requireNonNull(chaincode, "chaincode");
            this.function = Objects.requireNonNull(function, "function");
        }

        /** The channel; empty (the default) for peer-level calls such as install or join. */
        public Builder channel(String channel) {
            this.channel = Objects.requireNonNull(channel, "channel");
            return this;
        }

        /** Appends an argument after the function name. */
        public Builder argument(ByteString argument) {
            arguments.add(Objects.requireNonNull(argument, "argument"));
            return this;
        }

        /** Appends an argument after the function name. */
        public Builder argument(byte[] argument) {
            return argument(ByteString.copyFrom(Objects.requireNonNull(argument, "argument")));
        }

        /** The clock for the header timestamp; the peer rejects proposals far from its own time. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public ChaincodeProposal build() {
            return new ChaincodeProposal(this);
        }
    }
}
