package dev.weft.gateway.identity.ca;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.util.Base64;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.junit.jupiter.api.Test;

class FabricCaTokenTest {

    private static final Enrollment REGISTRAR = TestEnrollments.selfSigned("admin", 30);
    private static final BigInteger ORDER =
            ((ECPublicKey) REGISTRAR.certificate().getPublicKey()).getParams().getOrder();

    @Test
    void payload_is_method_and_base64_of_uri_body_and_certificate_pem_joined_by_dots() {
        byte[] payload = FabricCaToken.payload(
                "POST",
                "/api/v1/register",
                "{\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8),
                "-----BEGIN CERTIFICATE-----\n".getBytes(StandardCharsets.US_ASCII));

        assertThat(new String(payload, StandardCharsets.US_ASCII))
                .isEqualTo("POST.L2FwaS92MS9yZWdpc3Rlcg==.eyJpZCI6IngifQ==.LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCg==");
    }

    @Test
    void payload_of_an_empty_body_has_an_empty_base64_part() {
        byte[] payload = FabricCaToken.payload("GET", "/api/v1/cainfo", new byte[0], new byte[] {'c'});

        assertThat(new String(payload, StandardCharsets.US_ASCII)).isEqualTo("GET.L2FwaS92MS9jYWluZm8=..Yw==");
    }

    @Test
    void token_is_the_base64_certificate_pem_and_a_signature_the_certificate_key_verifies() throws Exception {
        byte[] body = "{\"id\":\"caller-alice\"}".getBytes(StandardCharsets.UTF_8);

        String token = FabricCaToken.create(REGISTRAR, "POST", "/api/v1/register", body);

        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(2);
        assertThat(Base64.getDecoder().decode(parts[0])).isEqualTo(REGISTRAR.certificatePem());
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(REGISTRAR.certificate().getPublicKey());
        verifier.update(FabricCaToken.payload("POST", "/api/v1/register", body, REGISTRAR.certificatePem()));
        assertThat(verifier.verify(Base64.getDecoder().decode(parts[1]))).isTrue();
    }

    @Test
    void token_signature_does_not_verify_for_another_uri() throws Exception {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        String token = FabricCaToken.create(REGISTRAR, "PUT", "/api/v1/identities/caller-bob", body);

        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(REGISTRAR.certificate().getPublicKey());
        verifier.update(
                FabricCaToken.payload("PUT", "/api/v1/identities/caller-eve", body, REGISTRAR.certificatePem()));
        assertThat(verifier.verify(Base64.getDecoder().decode(token.split("\\.")[1])))
                .isFalse();
    }

    @Test
    void every_token_signature_has_a_low_s() {
        for (int i = 0; i < 64; i++) {
            String token = FabricCaToken.create(REGISTRAR, "POST", "/api/v1/register", new byte[] {(byte) i});
            BigInteger s = s(Base64.getDecoder().decode(token.split("\\.")[1]));
            assertThat(FabricCaToken.isLowS(s, ORDER)).as("signature %d", i).isTrue();
        }
    }

    @Test
    void a_high_s_signature_is_turned_into_the_equivalent_low_s_one() throws Exception {
        byte[] payload = "payload".getBytes(StandardCharsets.US_ASCII);
        byte[] low = FabricCaToken.sign(REGISTRAR.privateKey(), payload);
        BigInteger r = r(low);
        byte[] high = new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {
                    new ASN1Integer(r), new ASN1Integer(ORDER.subtract(s(low)))
                })
                .getEncoded();
        assertThat(FabricCaToken.isLowS(s(high), ORDER)).isFalse();
        assertThat(verifies(high, payload)).as("(r, n-s) is valid ECDSA too").isTrue();

        byte[] normalised = FabricCaToken.lowS(high, ORDER);

        assertThat(normalised).isEqualTo(low);
        assertThat(verifies(normalised, payload)).isTrue();
    }

    private static boolean verifies(byte[] signature, byte[] payload) throws Exception {
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(REGISTRAR.certificate().getPublicKey());
        verifier.update(payload);
        return verifier.verify(signature);
    }

    private static BigInteger r(byte[] der) {
        return ASN1Integer.getInstance(ASN1Sequence.getInstance(der).getObjectAt(0))
                .getValue();
    }

    private static BigInteger s(byte[] der) {
        return ASN1Integer.getInstance(ASN1Sequence.getInstance(der).getObjectAt(1))
                .getValue();
    }
}
