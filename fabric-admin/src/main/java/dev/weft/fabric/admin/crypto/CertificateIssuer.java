package dev.weft.fabric.admin.crypto;

import java.math.BigInteger;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Issues certificates with the profiles of {@code cryptogen} ({@code internal/cryptogen/ca/ca.go}): ECDSA P-256 with
 * SHA-256, random 128-bit serials, validity from now (rounded to the minute, minus 5 minutes) for 10 years, subject
 * {@code C=US, ST=California, L=San Francisco}, CA certificates with SKI = SHA-256 of the public point, leaves with
 * the CA's key id as AKI.
 */
final class CertificateIssuer {

    private static final Duration VALIDITY = Duration.ofDays(3650);
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final Clock clock;
    private final SecureRandom random;

    CertificateIssuer(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
    }

    KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new CryptoException("cannot generate an ECDSA P-256 key", e);
        }
    }

    CertificateAuthority newCa(String name, String organization) {
        KeyPair keys = newKeyPair();
        X500Name subject = subject(organization, List.of(), name);
        byte[] ski = subjectKeyId(keys.getPublic());
        X509v3CertificateBuilder builder = builder(subject, subject, keys.getPublic());
        try {
            builder.addExtension(
                    Extension.keyUsage,
                    true,
                    new KeyUsage(KeyUsage.digitalSignature
                            | KeyUsage.keyEncipherment
                            | KeyUsage.keyCertSign
                            | KeyUsage.cRLSign));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(new KeyPurposeId[] {
                KeyPurposeId.id_kp_clientAuth, KeyPurposeId.id_kp_serverAuth
            }));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.subjectKeyIdentifier, false, new SubjectKeyIdentifier(ski));
        } catch (java.io.IOException e) {
            throw new CryptoException("cannot build CA certificate " + name, e);
        }
        return new CertificateAuthority(name, sign(builder, keys.getPrivate(), name), keys.getPrivate());
    }

    /** A signing certificate: KeyUsage digitalSignature, the role as OU, no SANs. */
    X509Certificate signingCertificate(CertificateAuthority ca, String name, NodeRole role, PublicKey key) {
        return leaf(ca, name, List.of(role.ou()), List.of(), key, KeyUsage.digitalSignature, null);
    }

    /** A TLS certificate: KeyUsage digitalSignature|keyEncipherment, ExtKeyUsage serverAuth+clientAuth, SANs. */
    X509Certificate tlsCertificate(CertificateAuthority ca, String name, List<String> sans, PublicKey key) {
        return leaf(
                ca,
                name,
                List.of(),
                sans,
                key,
                KeyUsage.digitalSignature | KeyUsage.keyEncipherment,
                new ExtendedKeyUsage(
                        new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
    }

    private X509Certificate leaf(
            CertificateAuthority ca,
            String name,
            List<String> ous,
            List<String> sans,
            PublicKey key,
            int keyUsage,
            ExtendedKeyUsage extendedKeyUsage) {
        X500Name issuer =
                X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded());
        X509v3CertificateBuilder builder = builder(issuer, subject(null, ous, name), key);
        try {
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
            if (extendedKeyUsage != null) {
                builder.addExtension(Extension.extendedKeyUsage, false, extendedKeyUsage);
            }
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(
                    Extension.authorityKeyIdentifier,
                    false,
                    new AuthorityKeyIdentifier(subjectKeyId(ca.certificate().getPublicKey())));
            if (!sans.isEmpty()) {
                builder.addExtension(Extension.subjectAlternativeName, false, generalNames(sans));
            }
        } catch (java.io.IOException e) {
            throw new CryptoException("cannot build certificate " + name, e);
        }
        return sign(builder, ca.privateKey(), name);
    }

    private X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, PublicKey key) {
        Instant notBefore =
                clock.instant().plusSeconds(30).truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(5));
        BigInteger serial = new BigInteger(128, random);
        return new X509v3CertificateBuilder(
                issuer,
                serial,
                Date.from(notBefore),
                Date.from(notBefore.plus(VALIDITY)),
                subject,
                SubjectPublicKeyInfo.getInstance(key.getEncoded()));
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key, String name) {
        try {
            ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(key);
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (OperatorCreationException | java.security.cert.CertificateException e) {
            throw new CryptoException("cannot sign certificate " + name, e);
        }
    }

    /** Subject in Go's RDN order: C, ST, L, O, OU, CN. */
    private static X500Name subject(String organization, List<String> ous, String commonName) {
        X500NameBuilder name = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "US")
                .addRDN(BCStyle.ST, "California")
                .addRDN(BCStyle.L, "San Francisco");
        if (organization != null) {
            name.addRDN(BCStyle.O, organization);
        }
        for (String ou : ous) {
            name.addRDN(BCStyle.OU, ou);
        }
        return name.addRDN(BCStyle.CN, commonName).build();
    }

    private static GeneralNames generalNames(List<String> sans) {
        List<GeneralName> names = new ArrayList<>();
        for (String san : sans) {
            names.add(
                    isIpLiteral(san)
                            ? new GeneralName(GeneralName.iPAddress, san)
                            : new GeneralName(GeneralName.dNSName, san));
        }
        return new GeneralNames(names.toArray(GeneralName[]::new));
    }

    static boolean isIpLiteral(String san) {
        if (IPV4.matcher(san).matches()) {
            return true;
        }
        if (!san.contains(":")) {
            return false;
        }
        try {
            InetAddress.getByName(san);
            return true;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /** RFC 7093 method 4 as cryptogen does it: SHA-256 of the uncompressed EC point. */
    static byte[] subjectKeyId(PublicKey key) {
        byte[] point = SubjectPublicKeyInfo.getInstance(key.getEncoded())
                .getPublicKeyData()
                .getBytes();
        try {
            return MessageDigest.getInstance("SHA-256").digest(point);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
