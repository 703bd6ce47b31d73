package dev.weft.fabric.admin.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.weft.fabric.admin.identity.SigningIdentity;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.hyperledger.fabric.protos.peer.ChaincodeHeaderExtension;
import org.hyperledger.fabric.protos.peer.ChaincodeInvocationSpec;
import org.hyperledger.fabric.protos.peer.ChaincodeProposalPayload;
import org.hyperledger.fabric.protos.peer.Proposal;
import org.hyperledger.fabric.protos.peer.SignedProposal;
import org.junit.jupiter.api.Test;

class ChaincodeProposalTest {

    private static final SigningIdentity ADMIN = TestIdentities.create("Org1MSP", "Admin@org1.example.com");

    @Test
    void signature_verifies_with_the_certificate_public_key() throws Exception {
        for (int i = 0; i < 20; i++) {
            SignedProposal signed = ChaincodeProposal.builder("cscc", "GetChannels")
                    .build()
                    .sign(ADMIN)
                    .signedProposal();

            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(ADMIN.certificate().getPublicKey());
            verifier.update(signed.getProposalBytes().toByteArray());
            assertThat(verifier.verify(signed.getSignature().toByteArray())).isTrue();
        }
    }

    @Test
    void signature_has_low_s_as_the_msp_requires() throws Exception {
        BigInteger order =
                ((ECPublicKey) ADMIN.certificate().getPublicKey()).getParams().getOrder();
        for (int i = 0; i < 20; i++) {
            SignedProposal signed = ChaincodeProposal.builder("cscc", "GetChannels")
                    .build()
                    .sign(ADMIN)
                    .signedProposal();
            ASN1Sequence sequence =
                    ASN1Sequence.getInstance(signed.getSignature().toByteArray());
            BigInteger s = ASN1Integer.getInstance(sequence.getObjectAt(1)).getValue();
            assertThat(s).isLessThanOrEqualTo(order.shiftRight(1));
        }
    }

    @Test
    void transaction_id_is_sha256_of_nonce_and_creator() throws Exception {
        SignedChaincodeProposal signed = ChaincodeProposal.builder("_lifecycle", "QueryInstalledChaincodes")
                .build()
                .sign(ADMIN);

        Proposal proposal = Proposal.parseFrom(signed.signedProposal().getProposalBytes());
        Header header = Header.parseFrom(proposal.getHeader());
        SignatureHeader signatureHeader = SignatureHeader.parseFrom(header.getSignatureHeader());
        ChannelHeader channelHeader = ChannelHeader.parseFrom(header.getChannelHeader());

        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update(signatureHeader.getNonce().toByteArray());
        sha256.update(signatureHeader.getCreator().toByteArray());
        String expected = HexFormat.of().formatHex(sha256.digest());

        assertThat(signatureHeader.getNonce().size()).isEqualTo(24);
        assertThat(channelHeader.getTxId()).isEqualTo(expected);
        assertThat(signed.transactionId()).isEqualTo(expected);
    }

    @Test
    void creator_is_the_msp_id_and_pem_certificate() throws Exception {
        SignedProposal signed = ChaincodeProposal.builder("cscc", "GetChannels")
                .build()
                .sign(ADMIN)
                .signedProposal();
        Header header =
                Header.parseFrom(Proposal.parseFrom(signed.getProposalBytes()).getHeader());
        SerializedIdentity creator = SerializedIdentity.parseFrom(
                SignatureHeader.parseFrom(header.getSignatureHeader()).getCreator());

        assertThat(creator.getMspid()).isEqualTo("Org1MSP");
        assertThat(creator.getIdBytes().toStringUtf8())
                .startsWith("-----BEGIN CERTIFICATE-----\n")
                .endsWith("-----END CERTIFICATE-----\n");
    }

    @Test
    void headers_and_payload_follow_the_sdk_layout() throws Exception {
        Instant now = Instant.parse("2026-01-02T03:04:05.006Z");
        TransactionContext context =
                TransactionContext.of(ByteString.copyFrom(new byte[24]), Creators.serialize(ADMIN));
        Proposal proposal = ChaincodeProposal.builder("_lifecycle", "InstallChaincode")
                .channel("")
                .argument(new byte[] {1, 2, 3})
                .clock(Clock.fixed(now, ZoneOffset.UTC))
                .build()
                .unsigned(context);

        ChannelHeader channelHeader =
                ChannelHeader.parseFrom(Header.parseFrom(proposal.getHeader()).getChannelHeader());
        assertThat(channelHeader.getType()).isEqualTo(HeaderType.ENDORSER_TRANSACTION_VALUE);
        assertThat(channelHeader.getChannelId()).isEmpty();
        assertThat(channelHeader.getTimestamp().getSeconds()).isEqualTo(now.getEpochSecond());
        assertThat(ChaincodeHeaderExtension.parseFrom(channelHeader.getExtension())
                        .getChaincodeId()
                        .getName())
                .isEqualTo("_lifecycle");

        ChaincodeInvocationSpec invocation = ChaincodeInvocationSpec.parseFrom(
                ChaincodeProposalPayload.parseFrom(proposal.getPayload()).getInput());
        assertThat(invocation.getChaincodeSpec().getChaincodeId().getName()).isEqualTo("_lifecycle");
        assertThat(invocation.getChaincodeSpec().getInput().getArgsList())
                .containsExactly(
                        ByteString.copyFromUtf8("InstallChaincode"), ByteString.copyFrom(new byte[] {1, 2, 3}));
    }
}
