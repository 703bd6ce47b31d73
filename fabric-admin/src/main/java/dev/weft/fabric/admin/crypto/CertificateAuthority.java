package dev.weft.fabric.admin.crypto;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * A self-signed org CA (signing or TLS): its name ({@code ca.<domain>} / {@code tlsca.<domain>}), certificate and
 * key. {@link #toString()} never shows the key.
 *
 * <p>The same files bootstrap a {@code fabric-ca-server} for the org:
 *
 * <pre>{@code
 * fabric-ca-server start -b admin:adminpw \
 *     --ca.certfile crypto-config/peerOrganizations/org1.example.com/ca/ca.org1.example.com-cert.pem \
 *     --ca.keyfile  crypto-config/peerOrganizations/org1.example.com/ca/priv_sk
 * }</pre>
 *
 * @param name the CA's common name, also the base of its file name {@code <name>-cert.pem}
 * @param certificate the self-signed CA certificate
 * @param privateKey the CA key
 */
public record CertificateAuthority(String name, X509Certificate certificate, PrivateKey privateKey) {

    public CertificateAuthority {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
    }

    /** The certificate file name Fabric uses, {@code <name>-cert.pem}. */
    public String certFileName() {
        return name + "-cert.pem";
    }

    /** The certificate as PEM. */
    public byte[] certificatePem() {
        return Pem.certificate(certificate);
    }

    /** The key as PKCS#8 PEM (the {@code priv_sk} file). */
    public byte[] privateKeyPem() {
        return Pem.privateKey(privateKey);
    }

    @Override
    public String toString() {
        return "CertificateAuthority[name=" + name + ", subject="
                + certificate.getSubjectX500Principal().getName() + "]";
    }
}
