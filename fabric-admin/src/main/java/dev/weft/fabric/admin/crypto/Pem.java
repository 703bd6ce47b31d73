package dev.weft.fabric.admin.crypto;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * PEM encoding as Fabric writes it: {@code CERTIFICATE} blocks and PKCS#8 {@code PRIVATE KEY} blocks, 64-character
 * lines, {@code \n} line ends.
 *
 * <pre>{@code
 * byte[] pem = Pem.certificate(cert);
 * X509Certificate again = Pem.parseCertificate(pem);
 * }</pre>
 */
public final class Pem {

    private Pem() {}

    /** The certificate as a PEM {@code CERTIFICATE} block. */
    public static byte[] certificate(X509Certificate certificate) {
        try {
            return encode("CERTIFICATE", certificate.getEncoded());
        } catch (CertificateException e) {
            throw new CryptoException("cannot encode certificate " + certificate.getSubjectX500Principal(), e);
        }
    }

    /** The private key as a PKCS#8 PEM {@code PRIVATE KEY} block. */
    public static byte[] privateKey(PrivateKey key) {
        return encode("PRIVATE KEY", key.getEncoded());
    }

    /** Parses the first {@code CERTIFICATE} block. */
    public static X509Certificate parseCertificate(byte[] pem) {
        try {
            byte[] der = decode(pem, "CERTIFICATE");
            return (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new CryptoException("not a valid X.509 certificate: " + e.getMessage(), e);
        }
    }

    /**
     * Parses an EC private key from a PKCS#8 {@code PRIVATE KEY} block or a SEC1 {@code EC PRIVATE KEY} block (both
     * occur in Fabric trees). The message of a failure never contains the key material.
     */
    public static PrivateKey parsePrivateKey(byte[] pem) {
        String text = new String(pem, StandardCharsets.US_ASCII);
        try {
            byte[] pkcs8;
            if (text.contains("-----BEGIN EC PRIVATE KEY-----")) {
                ECPrivateKey sec1 = ECPrivateKey.getInstance(decode(pem, "EC PRIVATE KEY"));
                pkcs8 = new PrivateKeyInfo(
                                new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, sec1.getParametersObject()),
                                sec1)
                        .getEncoded();
            } else {
                pkcs8 = decode(pem, "PRIVATE KEY");
            }
            return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException | java.io.IOException | IllegalArgumentException e) {
            // Deliberately no cause message: some providers echo the encoding they could not parse.
            throw new CryptoException("not a valid EC private key in PEM");
        }
    }

    /** The encoded (PKCS#8) form of a PEM key, or {@code null} when it does not parse. */
    static byte[] parsePrivateKeySafely(byte[] pem) {
        try {
            return parsePrivateKey(pem).getEncoded();
        } catch (CryptoException e) {
            return null;
        }
    }

    /** The DER bytes of the first block of {@code type}, or {@code null}. */
    static byte[] derOrNull(byte[] pem, String type) {
        try {
            return decode(pem, type);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static byte[] encode(String type, byte[] der) {
        String base64 = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return ("-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] decode(byte[] pem, String type) {
        String text = new String(pem, StandardCharsets.US_ASCII);
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int from = text.indexOf(begin);
        int to = from < 0 ? -1 : text.indexOf(end, from);
        if (from < 0 || to < 0) {
            throw new IllegalArgumentException("no PEM block of type " + type);
        }
        return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
    }
}
