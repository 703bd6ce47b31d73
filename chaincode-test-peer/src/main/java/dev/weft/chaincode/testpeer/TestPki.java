package dev.weft.chaincode.testpeer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away PKI for TLS tests: one CA (EC P-256) that signs a server certificate for {@code 127.0.0.1} and
 * {@code localhost}, and a client certificate, all written as PEM files (keys in PKCS#8, as Fabric's tools write
 * them).
 *
 * <pre>{@code
 * TestPki pki = TestPki.generate(tempDir);
 * // server side: pki.serverCert(), pki.serverKey(), and pki.caCert() as the client CA for mutual TLS
 * TlsOptions tls = TlsOptions.mutualTls(pki.caCert(), pki.clientCert(), pki.clientKey());
 * }</pre>
 *
 * @param caCert the CA certificate (trust anchor for both sides)
 * @param serverCert the server certificate, SAN {@code 127.0.0.1}, {@code localhost}
 * @param serverKey the server private key
 * @param clientCert the client certificate (what a peer presents for mutual TLS)
 * @param clientKey the client private key
 */
public record TestPki(Path caCert, Path serverCert, Path serverKey, Path clientCert, Path clientKey) {

    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Generates a fresh CA, server and client certificate into {@code directory} (created if missing). */
    public static TestPki generate(Path directory) {
        try {
            Files.createDirectories(directory);
            KeyPair ca = newKeyPair();
            X500Name caName = new X500Name("CN=weft-test-ca,O=Weft");
            X509Certificate caCertificate = sign(caName, ca, caName, ca.getPublic(), CertificateKind.CA);

            KeyPair server = newKeyPair();
            X509Certificate serverCertificate =
                    sign(caName, ca, new X500Name("CN=localhost,O=Weft"), server.getPublic(), CertificateKind.SERVER);

            KeyPair client = newKeyPair();
            X509Certificate clientCertificate = sign(
                    caName, ca, new X500Name("CN=peer0-client,O=Weft"), client.getPublic(), CertificateKind.CLIENT);

            return new TestPki(
                    writePem(directory.resolve("ca.pem"), "CERTIFICATE", caCertificate.getEncoded()),
                    writePem(directory.resolve("server.pem"), "CERTIFICATE", serverCertificate.getEncoded()),
                    writePem(
                            directory.resolve("server.key"),
                            "PRIVATE KEY",
                            server.getPrivate().getEncoded()),
                    writePem(directory.resolve("client.pem"), "CERTIFICATE", clientCertificate.getEncoded()),
                    writePem(
                            directory.resolve("client.key"),
                            "PRIVATE KEY",
                            client.getPrivate().getEncoded()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the test PKI to " + directory, e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot generate the test PKI", e);
        }
    }

    /** A self-signed EC identity, used as the creator of proposals. */
    static SelfSigned selfSigned(String commonName) {
        try {
            KeyPair keys = newKeyPair();
            X500Name name = new X500Name("CN=" + commonName + ",O=Weft");
            X509Certificate certificate = sign(name, keys, name, keys.getPublic(), CertificateKind.CLIENT);
            return new SelfSigned(pem("CERTIFICATE", certificate.getEncoded()), keys.getPrivate());
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot generate an identity", e);
        }
    }

    record SelfSigned(String certificatePem, PrivateKey privateKey) {}

    private enum CertificateKind {
        CA,
        SERVER,
        CLIENT
    }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return generator.generateKeyPair();
    }

    private static X509Certificate sign(
            X500Name issuer, KeyPair issuerKeys, X500Name subject, PublicKey subjectKey, CertificateKind kind)
            throws GeneralSecurityException, OperatorCreationException, IOException {
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                issuer,
                BigInteger.valueOf(SERIAL.incrementAndGet()),
                Date.from(now.minus(Duration.ofMinutes(5))),
                Date.from(now.plus(Duration.ofDays(2))),
                subject,
                subjectKey);
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(subjectKey));
        builder.addExtension(
                Extension.authorityKeyIdentifier,
                false,
                extensions.createAuthorityKeyIdentifier(issuerKeys.getPublic()));
        switch (kind) {
            case CA -> {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            }
            case SERVER -> {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                builder.addExtension(
                        Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement));
                builder.addExtension(
                        Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                    new GeneralName(GeneralName.dNSName, "localhost")
                }));
            }
            case CLIENT -> {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                builder.addExtension(
                        Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement));
                builder.addExtension(
                        Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
            }
        }
        X509CertificateHolder holder =
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate()));
        return new JcaX509CertificateConverter().getCertificate(holder);
    }

    private static Path writePem(Path file, String type, byte[] der) throws IOException {
        Files.writeString(file, pem(type, der), StandardCharsets.US_ASCII);
        return file;
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
