package dev.weft.fabric.admin.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.CertPathValidatorException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CryptoGeneratorTest {

    private static final CryptoMaterial CRYPTO = new CryptoGenerator().generate(Topology.walkthrough());

    @Nested
    class Layout {

        @Test
        void node_msp_has_fabric_folders_and_node_ous_config() {
            NodeMaterial peer = CRYPTO.org("Org1").node("peer0.org1.example.com");

            assertThat(peer.mspFiles())
                    .containsOnlyKeys(
                            "cacerts/ca.org1.example.com-cert.pem",
                            "tlscacerts/tlsca.org1.example.com-cert.pem",
                            "config.yaml",
                            "signcerts/peer0.org1.example.com-cert.pem",
                            "keystore/priv_sk");
            assertThat(peer.tlsFiles()).containsOnlyKeys("ca.crt", "server.crt", "server.key");
            assertThat(new String(peer.mspFiles().get("config.yaml"), StandardCharsets.UTF_8))
                    .contains("Enable: true")
                    .contains("Certificate: cacerts/ca.org1.example.com-cert.pem")
                    .contains("OrganizationalUnitIdentifier: client")
                    .contains("OrganizationalUnitIdentifier: peer")
                    .contains("OrganizationalUnitIdentifier: admin")
                    .contains("OrganizationalUnitIdentifier: orderer");
        }

        @Test
        void users_get_client_tls_files() {
            assertThat(CRYPTO.org("Org2").admin().tlsFiles()).containsOnlyKeys("ca.crt", "client.crt", "client.key");
            assertThat(CRYPTO.org("Org2").user("User1").directory())
                    .isEqualTo("peerOrganizations/org2.example.com/users/User1@org2.example.com");
        }

        @Test
        void tree_follows_cryptogen_layout() {
            assertThat(CRYPTO.files())
                    .containsKeys(
                            "ordererOrganizations/example.com/ca/ca.example.com-cert.pem",
                            "ordererOrganizations/example.com/ca/priv_sk",
                            "ordererOrganizations/example.com/tlsca/tlsca.example.com-cert.pem",
                            "ordererOrganizations/example.com/msp/cacerts/ca.example.com-cert.pem",
                            "ordererOrganizations/example.com/msp/tlscacerts/tlsca.example.com-cert.pem",
                            "ordererOrganizations/example.com/msp/config.yaml",
                            "ordererOrganizations/example.com/orderers/orderer2.example.com/tls/server.key",
                            "ordererOrganizations/example.com/users/Admin@example.com/msp/keystore/priv_sk",
                            "peerOrganizations/org1.example.com/peers/peer0.org1.example.com/msp/signcerts/peer0.org1.example.com-cert.pem",
                            "peerOrganizations/org1.example.com/users/User1@org1.example.com/tls/client.crt");
        }

        @Test
        void keys_are_pkcs8_pem() {
            String key = new String(
                    CRYPTO.org("Org1").admin().mspFiles().get("keystore/priv_sk"), StandardCharsets.US_ASCII);
            assertThat(key).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
        }
    }

    @Nested
    class Certificates {

        @Test
        void signing_certificates_chain_to_the_org_ca_with_the_role_ou() throws Exception {
            OrgMaterial org = CRYPTO.org("Org1");
            for (NodeMaterial member : List.of(org.node("peer0.org1.example.com"), org.admin(), org.user("User1"))) {
                X509Certificate cert = member.signingIdentity().certificate();
                CertificateChains.validate(cert, org.ca().certificate());
                assertThat(cert.getSubjectX500Principal().getName())
                        .contains("OU=" + member.role().ou());
                assertThat(cert.getKeyUsage()[0]).as("digitalSignature").isTrue();
                assertThat(cert.getBasicConstraints()).isEqualTo(-1);
            }
            assertThat(org.admin().role()).isEqualTo(NodeRole.ADMIN);
            assertThat(org.user("User1").role()).isEqualTo(NodeRole.CLIENT);
        }

        @Test
        void tls_certificates_chain_to_the_tls_ca_and_carry_the_sans() throws Exception {
            OrgMaterial orderers = CRYPTO.org("OrdererOrg");
            X509Certificate tls = orderers.node("orderer1.example.com").tlsCertificate();

            CertificateChains.validate(tls, orderers.tlsCa().certificate());
            assertThat(DiskMaterial.subjectAltNames(null, tls))
                    .containsExactly("orderer1.example.com", "localhost", "127.0.0.1");
            assertThat(tls.getSubjectAlternativeNames())
                    .anySatisfy(san -> assertThat(List.copyOf(san)).isEqualTo(List.of(7, "127.0.0.1")));
            assertThat(tls.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2");
        }

        @Test
        void tls_certificate_does_not_chain_to_the_signing_ca() {
            OrgMaterial org = CRYPTO.org("Org1");
            assertThatThrownBy(() -> CertificateChains.validate(
                            org.node("peer0.org1.example.com").tlsCertificate(),
                            org.ca().certificate()))
                    .isInstanceOf(CertPathValidatorException.class);
        }

        @Test
        void ca_certificates_have_cryptogen_profile() throws Exception {
            X509Certificate ca = CRYPTO.org("Org2").ca().certificate();

            assertThat(ca.getSubjectX500Principal().getName())
                    .isEqualTo("CN=ca.org2.example.com,O=org2.example.com,L=San Francisco,ST=California,C=US");
            assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
            // digitalSignature, keyEncipherment, keyCertSign, cRLSign
            assertThat(ca.getKeyUsage()).startsWith(true, false, true, false, false, true, true);
            assertThat(ca.getExtendedKeyUsage()).containsExactlyInAnyOrder("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2");
            byte[] point = ((ECPublicKey) ca.getPublicKey()).getEncoded();
            byte[] ski = ASN1OctetString.getInstance(
                            ASN1OctetString.getInstance(ca.getExtensionValue(Extension.subjectKeyIdentifier.getId()))
                                    .getOctets())
                    .getOctets();
            byte[] rawPoint = java.util.Arrays.copyOfRange(point, point.length - 65, point.length);
            assertThat(ski).isEqualTo(MessageDigest.getInstance("SHA-256").digest(rawPoint));
            assertThat(ca.getSigAlgName()).isEqualTo("SHA256withECDSA");
        }

        @Test
        void leaf_authority_key_id_is_the_ca_subject_key_id() {
            OrgMaterial org = CRYPTO.org("Org1");
            byte[] aki = AuthorityKeyIdentifier.getInstance(ASN1OctetString.getInstance(org.admin()
                                    .signingIdentity()
                                    .certificate()
                                    .getExtensionValue(Extension.authorityKeyIdentifier.getId()))
                            .getOctets())
                    .getKeyIdentifierOctets();
            assertThat(aki)
                    .isEqualTo(CertificateIssuer.subjectKeyId(
                            org.ca().certificate().getPublicKey()));
        }
    }

    @Nested
    class Secrecy {

        @Test
        void to_string_never_shows_key_material() {
            OrgMaterial org = CRYPTO.org("Org1");
            String keyBase64 =
                    Base64.getEncoder().encodeToString(org.ca().privateKey().getEncoded());
            String tlsKeyBase64 = Base64.getMimeEncoder()
                    .encodeToString(org.admin().tlsPrivateKey().getEncoded())
                    .substring(0, 40);
            String all = CRYPTO.toString()
                    + org
                    + org.ca()
                    + org.admin()
                    + org.admin().signingIdentity();

            assertThat(all)
                    .doesNotContain(keyBase64)
                    .doesNotContain(tlsKeyBase64)
                    .doesNotContain("PRIVATE KEY");
        }

        @Test
        void unparsable_key_error_does_not_echo_the_input() {
            byte[] garbage = "-----BEGIN PRIVATE KEY-----\nc2VjcmV0c2VjcmV0\n-----END PRIVATE KEY-----\n"
                    .getBytes(StandardCharsets.US_ASCII);
            assertThatThrownBy(() -> Pem.parsePrivateKey(garbage))
                    .isInstanceOf(CryptoException.class)
                    .hasMessage("not a valid EC private key in PEM");
        }
    }

    @Nested
    class TopologyValidation {

        @Test
        void rejects_duplicate_msp_ids() {
            Topology.PeerOrg a = new Topology.PeerOrg(
                    "Org1",
                    "org1.example.com",
                    "SameMSP",
                    List.of(Topology.Node.of("peer0.org1.example.com")),
                    List.of());
            Topology.PeerOrg b = new Topology.PeerOrg(
                    "Org2",
                    "org2.example.com",
                    "SameMSP",
                    List.of(Topology.Node.of("peer0.org2.example.com")),
                    List.of());
            assertThatThrownBy(() -> new Topology(List.of(), List.of(a, b)))
                    .isInstanceOf(InvalidTopologyException.class)
                    .hasMessage("duplicate MSP id 'SameMSP'");
        }

        @Test
        void rejects_org_without_nodes_and_bad_host_names() {
            assertThatThrownBy(() -> new Topology.OrdererOrg("O", "example.com", "OMSP", List.of()))
                    .isInstanceOf(InvalidTopologyException.class)
                    .hasMessage("org O has no nodes");
            assertThatThrownBy(() -> Topology.Node.of("bad host"))
                    .isInstanceOf(InvalidTopologyException.class)
                    .hasMessageContaining("'bad host'");
        }
    }
}
