package dev.weft.chaincode.testpeer;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.hyperledger.fabric.protos.peer.ChaincodeHeaderExtension;
import org.hyperledger.fabric.protos.peer.ChaincodeID;
import org.hyperledger.fabric.protos.peer.ChaincodeInput;
import org.hyperledger.fabric.protos.peer.ChaincodeInvocationSpec;
import org.hyperledger.fabric.protos.peer.ChaincodeProposalPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeSpec;
import org.hyperledger.fabric.protos.peer.Proposal;
import org.hyperledger.fabric.protos.peer.SignedProposal;

/**
 * Builds real signed proposals, as a client SDK would: channel header with a chaincode header extension, signature
 * header with a serialized creator identity and a 24-byte nonce, the invocation spec as payload, and an ECDSA
 * signature over the proposal bytes. The shim parses all of it (creator, timestamp, binding), so it has to be right.
 */
final class ProposalFactory {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String channelId;
    private final String chaincodeName;
    private final String mspId;
    private final TestPki.SelfSigned identity;
    private final ByteString creator;

    ProposalFactory(String channelId, String chaincodeName, String mspId) {
        this.channelId = channelId;
        this.chaincodeName = chaincodeName;
        this.mspId = mspId;
        this.identity = TestPki.selfSigned("user1");
        this.creator = SerializedIdentity.newBuilder()
                .setMspid(mspId)
                .setIdBytes(ByteString.copyFrom(identity.certificatePem(), StandardCharsets.UTF_8))
                .build()
                .toByteString();
    }

    /** A proposal with its transaction id, timestamp and the chaincode input it carries. */
    record Built(String txId, Instant timestamp, ChaincodeInput input, SignedProposal signedProposal) {}

    Built build(List<ByteString> args, boolean isInit) {
        byte[] nonce = new byte[24];
        RANDOM.nextBytes(nonce);
        String txId = transactionId(nonce);
        Instant now = Instant.now();

        ChaincodeID chaincodeId =
                ChaincodeID.newBuilder().setName(chaincodeName).build();
        ChannelHeader channelHeader = ChannelHeader.newBuilder()
                .setType(HeaderType.ENDORSER_TRANSACTION_VALUE)
                .setChannelId(channelId)
                .setTxId(txId)
                .setEpoch(0)
                .setTimestamp(Timestamp.newBuilder()
                        .setSeconds(now.getEpochSecond())
                        .setNanos(now.getNano())
                        .build())
                .setExtension(ChaincodeHeaderExtension.newBuilder()
                        .setChaincodeId(chaincodeId)
                        .build()
                        .toByteString())
                .build();
        SignatureHeader signatureHeader = SignatureHeader.newBuilder()
                .setCreator(creator)
                .setNonce(ByteString.copyFrom(nonce))
                .build();
        ChaincodeInput input =
                ChaincodeInput.newBuilder().addAllArgs(args).setIsInit(isInit).build();
        ChaincodeProposalPayload payload = ChaincodeProposalPayload.newBuilder()
                .setInput(ChaincodeInvocationSpec.newBuilder()
                        .setChaincodeSpec(ChaincodeSpec.newBuilder()
                                .setType(ChaincodeSpec.Type.JAVA)
                                .setChaincodeId(chaincodeId)
                                .setInput(input))
                        .build()
                        .toByteString())
                .build();
        Proposal proposal = Proposal.newBuilder()
                .setHeader(Header.newBuilder()
                        .setChannelHeader(channelHeader.toByteString())
                        .setSignatureHeader(signatureHeader.toByteString())
                        .build()
                        .toByteString())
                .setPayload(payload.toByteString())
                .build();
        ByteString proposalBytes = proposal.toByteString();
        SignedProposal signed = SignedProposal.newBuilder()
                .setProposalBytes(proposalBytes)
                .setSignature(ByteString.copyFrom(sign(proposalBytes.toByteArray())))
                .build();
        return new Built(txId, now, input, signed);
    }

    String mspId() {
        return mspId;
    }

    /** Fabric's rule: the transaction id is hex(SHA-256(nonce || creator)). */
    private String transactionId(byte[] nonce) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(nonce);
            digest.update(creator.toByteArray());
            return HexFormat.of().formatHex(digest.digest());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private byte[] sign(byte[] data) {
        try {
            Signature signature = Signature.getInstance("SHA256withECDSA");
            signature.initSign(identity.privateKey());
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the proposal", e);
        }
    }
}
