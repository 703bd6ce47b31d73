package dev.weft.gateway.identity.ca;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * Keys and PKCS#10 requests for enrolment: an ECDSA P-256 key made here (the CA never sees it) and a CSR whose
 * subject is {@code CN=<enrollment id>}, which the Fabric CA requires.
 */
public final class CertificateSigningRequests {

    private CertificateSigningRequests() {}

    /** A fresh ECDSA P-256 key pair. */
    public static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an ECDSA P-256 key", e);
        }
    }

    /** The CSR for {@code enrollmentId}, signed with {@code keys}. */
    public static PKCS10CertificationRequest csr(String enrollmentId, KeyPair keys) {
        try {
            return new JcaPKCS10CertificationRequestBuilder(
                            // Built RDN by RDN: parsing "CN=" + id would treat ',' '+' '=' in the id as syntax.
                            new X500NameBuilder(BCStyle.INSTANCE)
                                    .addRDN(BCStyle.CN, enrollmentId)
                                    .build(),
                            keys.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()));
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("cannot sign a certificate request", e);
        }
    }

    /** The CSR as PEM ({@code -----BEGIN CERTIFICATE REQUEST-----}). */
    public static String pem(PKCS10CertificationRequest csr) {
        return new String(Pems.write(csr), java.nio.charset.StandardCharsets.US_ASCII);
    }
}
