package dev.weft.fabric.admin.crypto;

import dev.weft.fabric.admin.identity.SigningIdentity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * Reads an existing crypto tree and checks each piece against what the topology asks for, so that a re-run reuses
 * keys instead of replacing them.
 */
final class DiskMaterial implements ExistingMaterial {

    private final Path root;
    private final boolean requireAll;

    DiskMaterial(Path root, boolean requireAll) {
        this.root = root;
        this.requireAll = requireAll;
    }

    @Override
    public Optional<CertificateAuthority> ca(Topology.Org org, String caName, String directory) {
        Path dir = root.resolve(directory);
        Path certFile = dir.resolve(caName + "-cert.pem");
        Path keyFile = dir.resolve(MspFiles.KEY_FILE);
        if (!present(List.of(certFile, keyFile))) {
            return Optional.empty();
        }
        X509Certificate cert = readCertificate(certFile);
        PrivateKey key = readKey(keyFile);
        requireKeyMatches(keyFile, key, cert);
        if (cert.getBasicConstraints() < 0) {
            throw new CryptoTreeMismatchException(certFile, "is not a CA certificate");
        }
        return Optional.of(new CertificateAuthority(caName, cert, key));
    }

    @Override
    public Optional<NodeMaterial> member(MemberRequest request) {
        Path dir = root.resolve(request.directory());
        String prefix = request.role().isServer() ? "server" : "client";
        Path signCertFile = dir.resolve("msp/signcerts/" + request.name() + "-cert.pem");
        Path signKeyFile = dir.resolve("msp/keystore/" + MspFiles.KEY_FILE);
        Path tlsCertFile = dir.resolve("tls/" + prefix + ".crt");
        Path tlsKeyFile = dir.resolve("tls/" + prefix + ".key");
        if (!present(List.of(signCertFile, signKeyFile, tlsCertFile, tlsKeyFile))) {
            return Optional.empty();
        }
        X509Certificate signCert = readCertificate(signCertFile);
        PrivateKey signKey = readKey(signKeyFile);
        requireKeyMatches(signKeyFile, signKey, signCert);
        requireIssuedBy(signCertFile, signCert, request.ca());
        requireOu(signCertFile, signCert, request.role());
        X509Certificate tlsCert = readCertificate(tlsCertFile);
        PrivateKey tlsKey = readKey(tlsKeyFile);
        requireKeyMatches(tlsKeyFile, tlsKey, tlsCert);
        requireIssuedBy(tlsCertFile, tlsCert, request.tlsCa());
        requireSans(tlsCertFile, tlsCert, request.tlsSans());
        return Optional.of(new NodeMaterial(
                request.name(),
                request.role(),
                request.directory(),
                new SigningIdentity(request.org().mspId(), signCert, signKey),
                tlsCert,
                tlsKey,
                request.ca(),
                request.tlsCa()));
    }

    /** All present: true; none present: false (or an error when everything must exist); some: a mismatch. */
    private boolean present(List<Path> files) {
        List<Path> missing = files.stream().filter(f -> !Files.isRegularFile(f)).toList();
        if (missing.isEmpty()) {
            return true;
        }
        if (requireAll) {
            throw new MissingCryptoMaterialException(missing.get(0));
        }
        if (missing.size() < files.size()) {
            throw new CryptoTreeMismatchException(
                    missing.get(0), "missing while other files of the same identity exist; refusing to replace them");
        }
        return false;
    }

    private static X509Certificate readCertificate(Path file) {
        try {
            return Pem.parseCertificate(Files.readAllBytes(file));
        } catch (IOException | CryptoException e) {
            throw new CryptoFileException(file, "cannot read certificate: " + e.getMessage(), e);
        }
    }

    private static PrivateKey readKey(Path file) {
        try {
            return Pem.parsePrivateKey(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new CryptoFileException(file, "cannot read private key", e);
        } catch (CryptoException e) {
            throw new CryptoFileException(file, e.getMessage());
        }
    }

    private static void requireKeyMatches(Path keyFile, PrivateKey key, X509Certificate cert) {
        byte[] probe = "weft key check".getBytes(StandardCharsets.US_ASCII);
        try {
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(cert.getPublicKey());
            verifier.update(probe);
            if (verifier.verify(signature)) {
                return;
            }
        } catch (GeneralSecurityException e) {
            // fall through to the mismatch below
        }
        throw new CryptoTreeMismatchException(
                keyFile,
                "private key does not belong to certificate "
                        + cert.getSubjectX500Principal().getName());
    }

    private static void requireIssuedBy(Path file, X509Certificate cert, NodeMaterial.CaCertificate ca) {
        try {
            cert.verify(ca.certificate().getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new CryptoTreeMismatchException(file, "not issued by " + ca.name() + " (the org CA changed?)");
        }
    }

    private static void requireOu(Path file, X509Certificate cert, NodeRole role) {
        X500Name subject = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded());
        for (RDN rdn : subject.getRDNs(BCStyle.OU)) {
            if (role.ou().equals(IETFUtils.valueToString(rdn.getFirst().getValue()))) {
                return;
            }
        }
        throw new CryptoTreeMismatchException(file, "subject " + subject + " lacks OU=" + role.ou());
    }

    private static void requireSans(Path file, X509Certificate cert, List<String> wanted) {
        List<String> have = subjectAltNames(file, cert);
        List<String> lacking = wanted.stream().filter(s -> !have.contains(s)).toList();
        if (!lacking.isEmpty()) {
            throw new CryptoTreeMismatchException(
                    file,
                    "TLS certificate lacks SANs " + lacking + " (has " + have
                            + "); delete the node's folder to reissue its keys");
        }
    }

    static List<String> subjectAltNames(Path file, X509Certificate cert) {
        try {
            Collection<List<?>> names = cert.getSubjectAlternativeNames();
            List<String> result = new ArrayList<>();
            if (names != null) {
                for (List<?> name : names) {
                    result.add(String.valueOf(name.get(1)));
                }
            }
            return result;
        } catch (CertificateParsingException e) {
            throw new CryptoFileException(file, "unreadable subject alternative names", e);
        }
    }
}
