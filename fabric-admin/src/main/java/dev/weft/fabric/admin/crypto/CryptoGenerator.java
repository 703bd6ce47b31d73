package dev.weft.fabric.admin.crypto;

import dev.weft.fabric.admin.identity.SigningIdentity;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Generates a topology's crypto material in memory, as {@code cryptogen generate} does with
 * {@code EnableNodeOUs: true}: per org a signing CA and a TLS CA, per orderer/peer a signing certificate with OU
 * {@code orderer}/{@code peer} and a TLS server certificate whose SANs are the node's name and extra SANs, an
 * {@code Admin@<domain>} (OU {@code admin}) and users (OU {@code client}) with TLS client certificates.
 *
 * <pre>{@code
 * CryptoMaterial crypto = new CryptoGenerator().generate(Topology.walkthrough());
 * CryptoStore.writeTo(crypto, Path.of("crypto-config"));
 * }</pre>
 *
 * <p>To reuse what a previous run wrote, use {@link CryptoStore#loadOrGenerate}.
 */
public final class CryptoGenerator {

    private final CertificateIssuer issuer;

    /** A generator with the system clock and a fresh {@link SecureRandom}. */
    public CryptoGenerator() {
        this(Clock.systemUTC(), new SecureRandom());
    }

    /** A generator whose certificate validity starts from {@code clock} (useful to test expiry handling). */
    public CryptoGenerator(Clock clock, SecureRandom random) {
        this.issuer =
                new CertificateIssuer(Objects.requireNonNull(clock, "clock"), Objects.requireNonNull(random, "random"));
    }

    /** Generates everything anew. */
    public CryptoMaterial generate(Topology topology) {
        return generate(topology, ExistingMaterial.NONE);
    }

    CryptoMaterial generate(Topology topology, ExistingMaterial existing) {
        Objects.requireNonNull(topology, "topology");
        // Orgs are independent and key generation dominates, so orgs are made in parallel. Failures are rethrown in
        // topology order so that the error reported does not depend on thread timing.
        List<Object> results = topology.orgs().parallelStream()
                .map(org -> {
                    try {
                        return (Object) generateOrg(org, existing);
                    } catch (RuntimeException e) {
                        return e;
                    }
                })
                .toList();
        List<OrgMaterial> orgs = new ArrayList<>();
        for (Object result : results) {
            if (result instanceof RuntimeException e) {
                throw e;
            }
            orgs.add((OrgMaterial) result);
        }
        return new CryptoMaterial(topology, orgs);
    }

    private OrgMaterial generateOrg(Topology.Org org, ExistingMaterial existing) {
        String orgDir = CryptoLayout.orgDirectory(org);
        String caName = CryptoLayout.caName(org);
        String tlsCaName = CryptoLayout.tlsCaName(org);
        CertificateAuthority ca =
                existing.ca(org, caName, orgDir + "/ca").orElseGet(() -> issuer.newCa(caName, org.domain()));
        CertificateAuthority tlsCa =
                existing.ca(org, tlsCaName, orgDir + "/tlsca").orElseGet(() -> issuer.newCa(tlsCaName, org.domain()));
        NodeMaterial.CaCertificate caCert = NodeMaterial.CaCertificate.of(ca);
        NodeMaterial.CaCertificate tlsCaCert = NodeMaterial.CaCertificate.of(tlsCa);
        NodeRole nodeRole = org instanceof Topology.OrdererOrg ? NodeRole.ORDERER : NodeRole.PEER;

        List<NodeMaterial> nodes = new ArrayList<>();
        for (Topology.Node node : org.nodes()) {
            nodes.add(member(
                    existing,
                    new ExistingMaterial.MemberRequest(
                            org,
                            node.name(),
                            nodeRole,
                            CryptoLayout.nodeDirectory(org, node.name()),
                            node.tlsSans(),
                            caCert,
                            tlsCaCert),
                    ca,
                    tlsCa));
        }
        List<NodeMaterial> users = new ArrayList<>();
        List<String> userNames = new ArrayList<>();
        userNames.add("Admin");
        userNames.addAll(org.users());
        for (String user : userNames) {
            users.add(member(
                    existing,
                    new ExistingMaterial.MemberRequest(
                            org,
                            user + "@" + org.domain(),
                            user.equals("Admin") ? NodeRole.ADMIN : NodeRole.CLIENT,
                            CryptoLayout.userDirectory(org, user),
                            List.of(),
                            caCert,
                            tlsCaCert),
                    ca,
                    tlsCa));
        }
        return new OrgMaterial(org, ca, tlsCa, nodes, users);
    }

    private NodeMaterial member(
            ExistingMaterial existing,
            ExistingMaterial.MemberRequest request,
            CertificateAuthority ca,
            CertificateAuthority tlsCa) {
        return existing.member(request).orElseGet(() -> {
            KeyPair signing = issuer.newKeyPair();
            X509Certificate signCert =
                    issuer.signingCertificate(ca, request.name(), request.role(), signing.getPublic());
            KeyPair tls = issuer.newKeyPair();
            X509Certificate tlsCert = issuer.tlsCertificate(tlsCa, request.name(), request.tlsSans(), tls.getPublic());
            return new NodeMaterial(
                    request.name(),
                    request.role(),
                    request.directory(),
                    new SigningIdentity(request.org().mspId(), signCert, signing.getPrivate()),
                    tlsCert,
                    tls.getPrivate(),
                    request.ca(),
                    request.tlsCa());
        });
    }
}
