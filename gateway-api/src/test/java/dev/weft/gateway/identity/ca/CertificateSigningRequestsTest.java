package dev.weft.gateway.identity.ca;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.Test;

class CertificateSigningRequestsTest {

    @Test
    void csr_names_the_enrollment_id_as_its_only_common_name_and_is_signed_by_the_key() throws Exception {
        KeyPair keys = CertificateSigningRequests.newKeyPair();

        String pem = CertificateSigningRequests.pem(CertificateSigningRequests.csr("caller-a+b,c=d", keys));

        assertThat(pem).startsWith("-----BEGIN CERTIFICATE REQUEST-----");
        PKCS10CertificationRequest csr;
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            csr = (PKCS10CertificationRequest) parser.readObject();
        }
        assertThat(csr.getSubject().getRDNs()).hasSize(1);
        assertThat(cn(csr.getSubject().getRDNs(BCStyle.CN)[0].getFirst().getValue()))
                .isEqualTo("caller-a+b,c=d");
        assertThat(csr.isSignatureValid(new JcaContentVerifierProviderBuilder()
                        .setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider())
                        .build(csr.getSubjectPublicKeyInfo())))
                .isTrue();
        assertThat(csr.getSubjectPublicKeyInfo().getEncoded())
                .isEqualTo(keys.getPublic().getEncoded());
    }

    @Test
    void keys_are_ecdsa_p256() {
        ECPublicKey key = (ECPublicKey) CertificateSigningRequests.newKeyPair().getPublic();

        assertThat(key.getParams().getCurve().getField().getFieldSize()).isEqualTo(256);
        assertThat(key.getParams().getOrder().toString(16))
                .isEqualTo("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551");
    }

    private static String cn(org.bouncycastle.asn1.ASN1Encodable value) {
        return ((org.bouncycastle.asn1.ASN1String) value).getString();
    }
}
