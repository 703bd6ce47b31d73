package dev.weft.provisioner.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.fabric.admin.crypto.CryptoStore;
import dev.weft.provisioner.spec.NetworkNaming;
import dev.weft.provisioner.spec.NetworkSpec;
import dev.weft.provisioner.spec.NetworkSpecs;
import dev.weft.provisioner.workflow.NetworkFolder;
import dev.weft.provisioner.workflow.NetworkPlan;
import dev.weft.provisioner.workflow.NetworkTopology;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Command lines and environments of local nodes, against a fake Fabric installation (empty executables). */
class LocalNodeCommandsTest {

    @TempDir
    Path dir;

    Path bin;
    NetworkPlan plan;

    @BeforeEach
    void setUp() throws Exception {
        bin = dir.resolve("fabric/bin");
        for (String name : List.of("peer", "orderer")) {
            executable(bin.resolve(name));
        }
        Files.createDirectories(dir.resolve("fabric/config"));
        plan = plan(NetworkSpec.defaults("demo"));
    }

    NetworkPlan plan(NetworkSpec spec) {
        NetworkFolder folder = NetworkFolder.of(dir.resolve("work"), spec.name());
        NetworkPlan p = NetworkPlan.of(spec, folder);
        return p.withCrypto(CryptoStore.loadOrGenerate(folder.crypto(), NetworkTopology.of(NetworkNaming.of(spec))));
    }

    LocalFabric fabric() {
        return LocalFabric.of(Optional.of(bin), Optional.empty());
    }

    @Test
    void orderer_binds_client_cluster_admin_and_operations_ports_of_its_block() {
        NodeCommand orderer1 = new LocalNodeCommands(fabric(), plan)
                .orderer(plan.naming().orderers().get(1));

        assertThat(orderer1.executable()).isEqualTo(bin.resolve("orderer"));
        assertThat(orderer1.environment())
                .containsEntry("ORDERER_GENERAL_LISTENPORT", "7010")
                .containsEntry("ORDERER_GENERAL_CLUSTER_LISTENPORT", "7011")
                .containsEntry("ORDERER_ADMIN_LISTENADDRESS", "127.0.0.1:7012")
                .containsEntry("ORDERER_OPERATIONS_LISTENADDRESS", "127.0.0.1:7013")
                .containsEntry("ORDERER_GENERAL_BOOTSTRAPMETHOD", "none")
                .containsEntry("ORDERER_ADMIN_TLS_CLIENTAUTHREQUIRED", "true");
        assertThat(orderer1.environment().get("ORDERER_GENERAL_LOCALMSPDIR"))
                .endsWith("crypto/ordererOrganizations/orderer.demo/orderers/orderer1/msp");
        assertThat(orderer1.operationsPort()).isEqualTo(7013);
    }

    @Test
    void peer_uses_leveldb_and_weft_builder_when_fabric_has_no_ccaas_builder() {
        NodeCommand peer =
                new LocalNodeCommands(fabric(), plan).peer(plan.naming().peers().get(0));

        assertThat(peer.commandLine()).containsExactly(bin.resolve("peer").toString(), "node", "start");
        assertThat(peer.environment())
                .containsEntry("CORE_PEER_LISTENADDRESS", "127.0.0.1:7100")
                .containsEntry("CORE_PEER_CHAINCODELISTENADDRESS", "127.0.0.1:7101")
                .containsEntry("CORE_OPERATIONS_LISTENADDRESS", "127.0.0.1:7102")
                .containsEntry("CORE_LEDGER_STATE_STATEDATABASE", "goleveldb");
        assertThat(peer.environment().get("CORE_CHAINCODE_EXTERNALBUILDERS"))
                .doesNotContain("ccaas_builder")
                .contains("\"name\":\"weft-external\"")
                .contains(plan.folder().builders().resolve("weft-external").toString());
    }

    @Test
    void peer_configures_fabric_ccaas_builder_first_and_weft_builder_second_when_both_exist() throws IOException {
        executable(dir.resolve("fabric/builders/ccaas/bin/detect"));

        String builders = new LocalNodeCommands(fabric(), plan)
                .peer(plan.naming().peers().get(0))
                .environment()
                .get("CORE_CHAINCODE_EXTERNALBUILDERS");

        assertThat(builders.indexOf("ccaas_builder")).isNotNegative().isLessThan(builders.indexOf("weft-external"));
        assertThat(builders).contains(dir.resolve("fabric/builders/ccaas").toString());
    }

    @Test
    void peer_uses_couchdb_at_the_spec_url_with_its_credentials() throws Exception {
        NetworkPlan couch =
                plan(NetworkSpecs.parse("name: couch\nlocal:\n  couchDbUrl: http://admin:pw@127.0.0.1:5985\n"));

        NodeCommand peer = new LocalNodeCommands(fabric(), couch)
                .peer(couch.naming().peers().get(0));

        assertThat(peer.environment())
                .containsEntry("CORE_LEDGER_STATE_STATEDATABASE", "CouchDB")
                .containsEntry("CORE_LEDGER_STATE_COUCHDBCONFIG_COUCHDBADDRESS", "127.0.0.1:5985")
                .containsEntry("CORE_LEDGER_STATE_COUCHDBCONFIG_USERNAME", "admin");
    }

    @Test
    void cas_run_only_when_fabric_ca_server_is_there_and_start_from_the_org_ca() throws IOException {
        assertThat(new LocalNodeCommands(fabric(), plan).all(ca -> "pw"))
                .extracting(NodeCommand::node)
                .containsExactly("orderer0", "orderer1", "orderer2", "org1-peer0", "org2-peer0");

        executable(bin.resolve("fabric-ca-server"));
        List<NodeCommand> all = new LocalNodeCommands(fabric(), plan).all(ca -> "pw");

        assertThat(all).extracting(NodeCommand::node).endsWith("org1-ca", "org2-ca");
        NodeCommand ca = all.get(5);
        assertThat(ca.arguments())
                .contains("--port", "7190")
                .contains(
                        "--ca.keyfile",
                        plan.caFolder("Org1MSP").resolve("priv_sk").toString())
                .contains(
                        "--ca.certfile",
                        plan.caFolder("Org1MSP")
                                .resolve("ca.org1.demo-cert.pem")
                                .toString());
    }

    @Test
    void the_ca_registrar_password_is_passed_in_the_environment_not_on_the_command_line() throws IOException {
        executable(bin.resolve("fabric-ca-server"));
        NodeCommand ca =
                new LocalNodeCommands(fabric(), plan).all(org -> "s3cret").get(5);

        assertThat(ca.environment()).containsEntry("FABRIC_CA_SERVER_BOOT", "admin:s3cret");
        assertThat(String.join(" ", ca.arguments())).doesNotContain("s3cret");
    }

    @Test
    void a_missing_fabric_bin_is_explained_with_where_binaries_come_from() {
        LocalFabric none = LocalFabric.of(Optional.empty(), Optional.empty());

        assertThat(none.problem())
                .hasValueSatisfying(
                        p -> assertThat(p).contains("FABRIC_BIN").contains("github.com/hyperledger/fabric/releases"));
        assertThat(new LocalRuntime(none).unavailableReason()).isPresent();
    }

    private static void executable(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
