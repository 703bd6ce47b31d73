package dev.weft.gateway.identity.ca;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

/** PEM in and out. Failures to read a key never quote the input: it may be the key. */
public final class Pems {

    private Pems() {}

    /** The first certificate in {@code pem}. */
    public static X509Certificate certificate(byte[] pem) {
        try {
            return (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(pem));
        } catch (CertificateException e) {
            throw new IllegalArgumentException("not a PEM X.509 certificate: " + e.getMessage(), e);
        }
    }

    /** Every certificate in {@code pem} (a chain or a bundle). */
    public static java.util.List<X509Certificate> certificates(byte[] pem) {
        try {
            return CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem)).stream()
                    .map(X509Certificate.class::cast)
                    .toList();
        } catch (CertificateException e) {
            throw new IllegalArgumentException("not PEM X.509 certificates: " + e.getMessage(), e);
        }
    }

    /** A PKCS#8 (or SEC1) private key. */
    public static PrivateKey privateKey(byte[] pem) {
        try (PEMParser parser =
                new PEMParser(new InputStreamReader(new ByteArrayInputStream(pem), StandardCharsets.US_ASCII))) {
            Object object = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (object instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            if (object instanceof PEMKeyPair pair) {
                return converter.getPrivateKey(pair.getPrivateKeyInfo());
            }
        } catch (IOException | RuntimeException e) {
            // No cause and no message from the parser: either might quote the key.
        }
        throw new IllegalArgumentException("not a PEM private key");
    }

    /** The certificate as PEM. */
    public static byte[] pem(X509Certificate certificate) {
        return write(certificate);
    }

    /** The key as PKCS#8 PEM. */
    public static byte[] privateKey(PrivateKey key) {
        try {
            return write(new JcaPKCS8Generator(key, null));
        } catch (org.bouncycastle.util.io.pem.PemGenerationException e) {
            throw new IllegalStateException("cannot encode a private key as PKCS#8");
        }
    }

    /** Any object BouncyCastle's PEM writer knows (certificates, CSRs). */
    static byte[] write(Object object) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
