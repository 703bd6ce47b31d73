package dev.weft.gateway.identity.ca;

import java.math.BigInteger;
import java.security.KeyPair;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Self-signed enrollments for tests that need a certificate and key but no CA. */
public final class TestEnrollments {

    private TestEnrollments() {}

    /** A self-signed P-256 identity {@code CN=<id>} valid from an hour ago for {@code days}. */
    public static Enrollment selfSigned(String id, int days) {
        try {
            KeyPair keys = CertificateSigningRequests.newKeyPair();
            Instant now = Instant.now();
            X500Name name = new X500Name("CN=" + id);
            var certificate = new JcaX509CertificateConverter()
                    .getCertificate(new JcaX509v3CertificateBuilder(
                                    name,
                                    BigInteger.valueOf(now.toEpochMilli()),
                                    Date.from(now.minus(1, ChronoUnit.HOURS)),
                                    Date.from(now.plus(days, ChronoUnit.DAYS)),
                                    name,
                                    keys.getPublic())
                            .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
            return Enrollment.of(id, Pems.pem(certificate), keys.getPrivate());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
