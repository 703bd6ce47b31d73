package dev.weft.fabric.admin.crypto;

import dev.weft.fabric.admin.identity.SigningIdentity;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The crypto material of one orderer, peer or user: its local MSP and its TLS key pair, in memory.
 *
 * <p>{@link #mspFiles()} and {@link #tlsFiles()} give the files of its {@code msp/} and {@code tls/} folders keyed by
 * path relative to that folder, ready to become a Kubernetes Secret (flatten the {@code /} in keys) or files on disk.
 *
 * <pre>{@code
 * NodeMaterial peer = crypto.org("Org1").node("peer0.org1.example.com");
 * byte[] serverCert = peer.tlsFiles().get("server.crt");
 * SigningIdentity admin = crypto.org("Org1").admin().signingIdentity();
 * }</pre>
 *
 * @param name the certificate common name: a host name, or {@code Admin@<domain>} for users
 * @param role orderer, peer, admin or client
 * @param directory the node's folder relative to the crypto root, e.g.
 *     {@code peerOrganizations/org1.example.com/peers/peer0.org1.example.com}
 * @param signingIdentity MSP id, signing (enrollment) certificate and key
 * @param tlsCertificate TLS certificate issued by the org's TLS CA ({@code server.crt} or {@code client.crt})
 * @param tlsPrivateKey its key
 * @param ca the org's signing CA certificate and name (key not included)
 * @param tlsCa the org's TLS CA certificate and name (key not included)
 */
public record NodeMaterial(
        String name,
        NodeRole role,
        String directory,
        SigningIdentity signingIdentity,
        X509Certificate tlsCertificate,
        PrivateKey tlsPrivateKey,
        CaCertificate ca,
        CaCertificate tlsCa) {

    public NodeMaterial {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(signingIdentity, "signingIdentity");
        Objects.requireNonNull(tlsCertificate, "tlsCertificate");
        Objects.requireNonNull(tlsPrivateKey, "tlsPrivateKey");
        Objects.requireNonNull(ca, "ca");
        Objects.requireNonNull(tlsCa, "tlsCa");
    }

    /** The MSP id. */
    public String mspId() {
        return signingIdentity.mspId();
    }

    /**
     * The {@code msp/} folder: {@code cacerts/<ca>-cert.pem}, {@code tlscacerts/<tlsca>-cert.pem},
     * {@code signcerts/<name>-cert.pem}, {@code keystore/priv_sk} (PKCS#8) and {@code config.yaml}.
     */
    public Map<String, byte[]> mspFiles() {
        Map<String, byte[]> files =
                new LinkedHashMap<>(MspFiles.verifying(ca.name(), ca.certificate(), tlsCa.name(), tlsCa.certificate()));
        files.put("signcerts/" + name + "-cert.pem", Pem.certificate(signingIdentity.certificate()));
        files.put("keystore/" + MspFiles.KEY_FILE, Pem.privateKey(signingIdentity.privateKey()));
        return Collections.unmodifiableMap(files);
    }

    /** The {@code tls/} folder: {@code ca.crt} and {@code server.crt}/{@code server.key} (nodes) or {@code client.*}. */
    public Map<String, byte[]> tlsFiles() {
        String prefix = tlsFilePrefix();
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("ca.crt", Pem.certificate(tlsCa.certificate()));
        files.put(prefix + ".crt", Pem.certificate(tlsCertificate));
        files.put(prefix + ".key", Pem.privateKey(tlsPrivateKey));
        return Collections.unmodifiableMap(files);
    }

    /** {@code server} for orderers and peers, {@code client} for users, as cryptogen names the TLS files. */
    public String tlsFilePrefix() {
        return role.isServer() ? "server" : "client";
    }

    /** Both folders, keyed {@code msp/…} and {@code tls/…}. */
    public Map<String, byte[]> files() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        mspFiles().forEach((path, bytes) -> files.put("msp/" + path, bytes));
        tlsFiles().forEach((path, bytes) -> files.put("tls/" + path, bytes));
        return Collections.unmodifiableMap(files);
    }

    @Override
    public String toString() {
        return "NodeMaterial[name=" + name + ", role=" + role + ", mspId=" + mspId() + ", directory=" + directory + "]";
    }

    /**
     * A CA certificate with the name its file is called after ({@code <name>-cert.pem}).
     *
     * @param name CA common name, e.g. {@code ca.org1.example.com}
     * @param certificate the CA certificate
     */
    public record CaCertificate(String name, X509Certificate certificate) {
        public CaCertificate {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(certificate, "certificate");
        }

        static CaCertificate of(CertificateAuthority ca) {
            return new CaCertificate(ca.name(), ca.certificate());
        }
    }
}
