package dev.weft.fabric.admin.orderer;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A throw-away TLS CA for tests: issues server and client certificates with P-256 keys. */
final class TestPki {

    record Issued(X509Certificate certificate, PrivateKey key) {}

    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    private final Issued ca;

    private TestPki(Issued ca) {
        this.ca = ca;
    }

    static TestPki create(String name) {
        try {
            KeyPair keys = keys();
            X500Name subject = new X500Name("CN=" + name);
            X509Certificate certificate = sign(
                    new JcaX509v3CertificateBuilder(
                                    subject, serial(), notBefore(), notAfter(), subject, keys.getPublic())
                            .addExtension(Extension.basicConstraints, true, new BasicConstraints(true)),
                    keys.getPrivate());
            return new TestPki(new Issued(certificate, keys.getPrivate()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    X509Certificate caCertificate() {
        return ca.certificate();
    }

    /** A certificate for {@code name} with {@code name} as DNS SAN. */
    Issued issue(String name) {
        try {
            KeyPair keys = keys();
            X500Name issuer =
                    new X500Name(ca.certificate().getSubjectX500Principal().getName());
            return new Issued(
                    sign(
                            new JcaX509v3CertificateBuilder(
                                            issuer,
                                            serial(),
                                            notBefore(),
                                            notAfter(),
                                            new X500Name("CN=" + name),
                                            keys.getPublic())
                                    .addExtension(
                                            Extension.subjectAlternativeName,
                                            false,
                                            new GeneralNames(new GeneralName(GeneralName.dNSName, name))),
                            ca.key()),
                    keys.getPrivate());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key) throws Exception {
        return new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key)));
    }

    private static BigInteger serial() {
        return BigInteger.valueOf(SERIAL.incrementAndGet());
    }

    private static Date notBefore() {
        return Date.from(Instant.now().minus(1, ChronoUnit.HOURS));
    }

    private static Date notAfter() {
        return Date.from(Instant.now().plus(1, ChronoUnit.DAYS));
    }
}
