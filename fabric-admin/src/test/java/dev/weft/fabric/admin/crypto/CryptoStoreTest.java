package dev.weft.fabric.admin.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CryptoStoreTest {

    private static final Topology TOPOLOGY = Topology.walkthrough();

    @TempDir
    Path root;

    @Test
    void writes_keys_owner_read_write_only() throws Exception {
        CryptoStore.writeTo(new CryptoGenerator().generate(TOPOLOGY), root);

        Path org1 = root.resolve("peerOrganizations/org1.example.com");
        for (Path key : List.of(
                org1.resolve("ca/priv_sk"),
                org1.resolve("peers/peer0.org1.example.com/msp/keystore/priv_sk"),
                org1.resolve("peers/peer0.org1.example.com/tls/server.key"),
                org1.resolve("users/Admin@org1.example.com/tls/client.key"))) {
            assertThat(Files.getPosixFilePermissions(key))
                    .as(key.toString())
                    .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        }
        assertThat(org1.resolve("msp/config.yaml")).isRegularFile();
    }

    @Test
    void loading_a_written_tree_reproduces_the_same_identities() {
        CryptoMaterial written = new CryptoGenerator().generate(TOPOLOGY);
        CryptoStore.writeTo(written, root);

        CryptoMaterial loaded = CryptoStore.load(root, TOPOLOGY);

        assertThat(loaded.files()).hasSameSizeAs(written.files());
        written.files()
                .forEach((path, bytes) ->
                        assertThat(loaded.files().get(path)).as(path).isEqualTo(bytes));
        assertThat(loaded.org("Org1").admin().signingIdentity().privateKey())
                .isEqualTo(written.org("Org1").admin().signingIdentity().privateKey());
    }

    @Test
    void load_names_the_first_missing_file() {
        assertThatThrownBy(() -> CryptoStore.load(root, TOPOLOGY))
                .isInstanceOf(MissingCryptoMaterialException.class)
                .hasMessageContaining("ordererOrganizations/example.com/ca/ca.example.com-cert.pem");
    }

    @Test
    void load_or_generate_keeps_existing_keys_and_adds_only_new_nodes() throws Exception {
        CryptoMaterial first = CryptoStore.loadOrGenerate(root, TOPOLOGY);
        Path caKey = root.resolve("peerOrganizations/org1.example.com/ca/priv_sk");
        byte[] caKeyBefore = Files.readAllBytes(caKey);

        Topology grown = Topology.sample(2, 3, 2);
        CryptoMaterial second = CryptoStore.loadOrGenerate(root, grown);

        assertThat(Files.readAllBytes(caKey)).isEqualTo(caKeyBefore);
        assertThat(second.org("Org1")
                        .node("peer0.org1.example.com")
                        .signingIdentity()
                        .certificate())
                .isEqualTo(first.org("Org1")
                        .node("peer0.org1.example.com")
                        .signingIdentity()
                        .certificate());
        assertThat(root.resolve("peerOrganizations/org1.example.com/peers/peer1.org1.example.com/tls/server.crt"))
                .isRegularFile();
        assertThat(CryptoStore.load(root, grown).files().keySet())
                .isEqualTo(second.files().keySet());
    }

    @Test
    void refuses_to_replace_a_different_key() {
        CryptoStore.writeTo(new CryptoGenerator().generate(TOPOLOGY), root);
        CryptoMaterial other = new CryptoGenerator().generate(TOPOLOGY);

        assertThatThrownBy(() -> CryptoStore.writeTo(other, root))
                .isInstanceOf(CryptoTreeMismatchException.class)
                .hasMessageContaining("refusing to replace");
    }

    @Test
    void rejects_a_node_whose_ca_was_replaced() throws Exception {
        CryptoStore.writeTo(new CryptoGenerator().generate(TOPOLOGY), root);
        Path caDir = root.resolve("peerOrganizations/org1.example.com/ca");
        Files.delete(caDir.resolve("priv_sk"));
        Files.delete(caDir.resolve("ca.org1.example.com-cert.pem"));

        assertThatThrownBy(() -> CryptoStore.loadOrGenerate(root, TOPOLOGY))
                .isInstanceOf(CryptoTreeMismatchException.class)
                .hasMessageContaining("not issued by ca.org1.example.com");
    }

    @Test
    void rejects_a_tls_certificate_lacking_new_sans() {
        CryptoStore.writeTo(new CryptoGenerator().generate(TOPOLOGY), root);
        Topology.OrdererOrg ordererOrg = TOPOLOGY.ordererOrgs().get(0);
        Topology moreSans = new Topology(
                List.of(new Topology.OrdererOrg(
                        ordererOrg.name(),
                        ordererOrg.domain(),
                        ordererOrg.mspId(),
                        List.of(Topology.Node.of("orderer0.example.com", "localhost", "orderer0.weft.svc")))),
                TOPOLOGY.peerOrgs());

        assertThatThrownBy(() -> CryptoStore.loadOrGenerate(root, moreSans))
                .isInstanceOf(CryptoTreeMismatchException.class)
                .hasMessageContaining("lacks SANs [orderer0.weft.svc]");
    }

    @Test
    void rejects_an_identity_whose_role_changed() throws Exception {
        CryptoStore.writeTo(new CryptoGenerator().generate(TOPOLOGY), root);
        Path user = root.resolve("peerOrganizations/org1.example.com/users/User1@org1.example.com");
        Path admin = root.resolve("peerOrganizations/org1.example.com/users/Admin@org1.example.com");
        // Put the client's signing material where the admin's belongs: same CA, wrong OU.
        Files.copy(
                user.resolve("msp/signcerts/User1@org1.example.com-cert.pem"),
                admin.resolve("msp/signcerts/Admin@org1.example.com-cert.pem"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(
                user.resolve("msp/keystore/priv_sk"),
                admin.resolve("msp/keystore/priv_sk"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        assertThatThrownBy(() -> CryptoStore.load(root, TOPOLOGY))
                .isInstanceOf(CryptoTreeMismatchException.class)
                .hasMessageContaining("lacks OU=admin");
    }

    @Test
    void rejects_a_half_present_identity() throws Exception {
        CryptoStore.writeTo(new CryptoGenerator().generate(TOPOLOGY), root);
        Files.delete(root.resolve("peerOrganizations/org2.example.com/peers/peer0.org2.example.com/tls/server.key"));

        assertThatThrownBy(() -> CryptoStore.loadOrGenerate(root, TOPOLOGY))
                .isInstanceOf(CryptoTreeMismatchException.class)
                .hasMessageContaining("server.key");
    }
}
