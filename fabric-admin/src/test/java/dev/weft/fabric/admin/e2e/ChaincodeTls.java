package dev.weft.fabric.admin.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * TLS material for peer → chaincode mutual TLS: a CA, the chaincode server's certificate (valid for 127.0.0.1, the
 * address in {@code connection.json}) and the peers' client certificate, all as PEM.
 *
 * @param caPem the CA certificate: {@code root_cert} in connection.json and the server's client CA
 * @param serverCertPem the chaincode server certificate
 * @param serverKeyPem its PKCS#8 key
 * @param clientCertPem the client certificate the peers present ({@code client_cert})
 * @param clientKeyPem its PKCS#8 key ({@code client_key})
 */
record ChaincodeTls(
        String caPem, String serverCertPem, String serverKeyPem, String clientCertPem, String clientKeyPem) {

    static ChaincodeTls create() {
        try {
            KeyPair caKeys = keys();
            X500Name caName = new X500Name("CN=chaincode-tlsca");
            X509Certificate ca = sign(
                    new JcaX509v3CertificateBuilder(caName, serial(), from(), until(), caName, caKeys.getPublic())
                            .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                            .addExtension(
                                    Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)),
                    caKeys.getPrivate());
            KeyPair serverKeys = keys();
            X509Certificate server = sign(
                    new JcaX509v3CertificateBuilder(
                                    caName,
                                    serial(),
                                    from(),
                                    until(),
                                    new X500Name("CN=chaincode-marbles"),
                                    serverKeys.getPublic())
                            .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                                new GeneralName(GeneralName.iPAddress, LocalFabricNetwork.HOST),
                                new GeneralName(GeneralName.dNSName, "localhost")
                            }))
                            .addExtension(
                                    Extension.extendedKeyUsage,
                                    false,
                                    new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth)),
                    caKeys.getPrivate());
            KeyPair clientKeys = keys();
            X509Certificate client = sign(
                    new JcaX509v3CertificateBuilder(
                                    caName,
                                    serial(),
                                    from(),
                                    until(),
                                    new X500Name("CN=peer-client"),
                                    clientKeys.getPublic())
                            .addExtension(
                                    Extension.extendedKeyUsage,
                                    false,
                                    new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth)),
                    caKeys.getPrivate());
            return new ChaincodeTls(
                    pem("CERTIFICATE", ca.getEncoded()),
                    pem("CERTIFICATE", server.getEncoded()),
                    pem("PRIVATE KEY", serverKeys.getPrivate().getEncoded()),
                    pem("CERTIFICATE", client.getEncoded()),
                    pem("PRIVATE KEY", clientKeys.getPrivate().getEncoded()));
        } catch (Exception e) {
            throw new IllegalStateException("cannot create chaincode TLS material", e);
        }
    }

    /** Writes the server's files and returns the folder: {@code server.crt}, {@code server.key}, {@code ca.crt}. */
    Path writeServerFiles(Path folder) {
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("server.crt"), serverCertPem, StandardCharsets.US_ASCII);
            Files.writeString(folder.resolve("server.key"), serverKeyPem, StandardCharsets.US_ASCII);
            Files.writeString(folder.resolve("ca.crt"), caPem, StandardCharsets.US_ASCII);
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "ChaincodeTls[keys hidden]";
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
        return BigInteger.valueOf(System.nanoTime());
    }

    private static Date from() {
        return Date.from(Instant.now().minus(1, ChronoUnit.HOURS));
    }

    private static Date until() {
        return Date.from(Instant.now().plus(1, ChronoUnit.DAYS));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
