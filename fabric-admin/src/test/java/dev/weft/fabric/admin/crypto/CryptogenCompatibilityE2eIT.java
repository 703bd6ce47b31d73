package dev.weft.fabric.admin.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.fabric.admin.channel.FabricTools;
import dev.weft.testing.RequiresFabricBinaries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tree written by {@code cryptogen} loads as the same identities, and {@code loadOrGenerate} on it adds what the
 * topology gained without touching cryptogen's keys: the layouts are the same.
 */
@RequiresFabricBinaries
class CryptogenCompatibilityE2eIT {

    private static final String CRYPTO_CONFIG_YAML = """
            OrdererOrgs:
              - Name: OrdererOrg
                Domain: example.com
                EnableNodeOUs: true
                Specs:
                  - Hostname: orderer0
                    SANS: [localhost, 127.0.0.1]
            PeerOrgs:
              - Name: Org1
                Domain: org1.example.com
                EnableNodeOUs: true
                Template:
                  Count: 1
                  SANS: [localhost, 127.0.0.1]
                Users:
                  Count: 1
            """;

    private final FabricTools tools = new FabricTools();

    @TempDir
    Path work;

    @Test
    void loads_a_cryptogen_tree_and_extends_it_without_replacing_keys() throws Exception {
        Files.writeString(work.resolve("crypto-config.yaml"), CRYPTO_CONFIG_YAML);
        tools.run(
                work, Map.of(), "cryptogen", "generate", "--config", "crypto-config.yaml", "--output", "crypto-config");
        Path root = work.resolve("crypto-config");
        // cryptogen adds the short host name to the SANs; the topology names what it needs.
        Topology topology = new Topology(
                List.of(new Topology.OrdererOrg(
                        "OrdererOrg",
                        "example.com",
                        "OrdererMSP",
                        List.of(Topology.Node.of("orderer0.example.com", "orderer0", "localhost", "127.0.0.1")))),
                List.of(new Topology.PeerOrg(
                        "Org1",
                        "org1.example.com",
                        "Org1MSP",
                        List.of(Topology.Node.of("peer0.org1.example.com", "peer0", "localhost", "127.0.0.1")),
                        List.of("User1"))));
        Path peerKey =
                root.resolve("peerOrganizations/org1.example.com/peers/peer0.org1.example.com/msp/keystore/priv_sk");
        byte[] keyBefore = Files.readAllBytes(peerKey);

        CryptoMaterial loaded = CryptoStore.load(root, topology);

        OrgMaterial org1 = loaded.org("Org1");
        assertThat(org1.node("peer0.org1.example.com").signingIdentity().privateKey())
                .isEqualTo(Pem.parsePrivateKey(keyBefore));
        CertificateChains.validate(
                org1.user("User1").signingIdentity().certificate(), org1.ca().certificate());

        Topology grown = new Topology(
                topology.ordererOrgs(),
                List.of(new Topology.PeerOrg(
                        "Org1",
                        "org1.example.com",
                        "Org1MSP",
                        List.of(
                                Topology.Node.of("peer0.org1.example.com", "peer0", "localhost", "127.0.0.1"),
                                Topology.Node.of("peer1.org1.example.com", "localhost")),
                        List.of("User1", "User2"))));
        CryptoMaterial extended = CryptoStore.loadOrGenerate(root, grown);

        assertThat(Files.readAllBytes(peerKey)).isEqualTo(keyBefore);
        CertificateChains.validate(
                extended.org("Org1")
                        .node("peer1.org1.example.com")
                        .signingIdentity()
                        .certificate(),
                org1.ca().certificate());
        assertThat(root.resolve("peerOrganizations/org1.example.com/users/User2@org1.example.com/msp/keystore/priv_sk"))
                .isRegularFile();
    }
}
