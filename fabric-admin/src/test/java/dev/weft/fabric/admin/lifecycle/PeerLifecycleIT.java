package dev.weft.fabric.admin.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.weft.fabric.admin.chaincode.CcaasPackageBuilder;
import dev.weft.fabric.admin.chaincode.ChaincodePackage;
import dev.weft.fabric.admin.chaincode.ConnectionJson;
import dev.weft.fabric.admin.identity.SigningIdentity;
import dev.weft.fabric.admin.peer.Endorser;
import dev.weft.fabric.admin.peer.FakeEndorser;
import dev.weft.fabric.admin.proposal.FabricAdminException;
import dev.weft.fabric.admin.proposal.TestIdentities;
import io.grpc.Status;
import java.time.Duration;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.peer.Proposal;
import org.hyperledger.fabric.protos.peer.lifecycle.InstallChaincodeArgs;
import org.hyperledger.fabric.protos.peer.lifecycle.InstallChaincodeResult;
import org.hyperledger.fabric.protos.peer.lifecycle.QueryInstalledChaincodesResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PeerLifecycleIT {

    private static final SigningIdentity ADMIN = TestIdentities.create("Org1MSP", "Admin@org1.example.com");
    private static final ChaincodePackage PACKAGE = CcaasPackageBuilder.ccaas(
                    "marbles_1.0", ConnectionJson.plaintext("127.0.0.1:9999"))
            .build();

    private final FakeEndorser peer = new FakeEndorser();

    @AfterEach
    void stop() {
        peer.close();
    }

    private PeerLifecycle lifecycle() {
        return new PeerLifecycle(
                new Endorser("peer0.org1", peer.channel(), Duration.ofSeconds(5)), ADMIN, Duration.ofSeconds(5));
    }

    private static ByteString installed(String... packageIds) {
        QueryInstalledChaincodesResult.Builder result = QueryInstalledChaincodesResult.newBuilder();
        for (String id : packageIds) {
            result.addInstalledChaincodes(QueryInstalledChaincodesResult.InstalledChaincode.newBuilder()
                    .setPackageId(id)
                    .setLabel(id.substring(0, id.indexOf(':'))));
        }
        return result.build().toByteString();
    }

    @Test
    void installs_the_package_bytes_without_a_channel() throws Exception {
        peer.on("_lifecycle/QueryInstalledChaincodes", call -> FakeEndorser.ok(installed()))
                .on(
                        "_lifecycle/InstallChaincode",
                        call -> FakeEndorser.ok(InstallChaincodeResult.newBuilder()
                                .setPackageId(PACKAGE.packageId())
                                .setLabel("marbles_1.0")
                                .build()
                                .toByteString()));

        InstallResult result = lifecycle().install(PACKAGE);

        assertThat(result).isEqualTo(new InstallResult(PACKAGE.packageId(), false));
        FakeEndorser.Call install = peer.calls().get(1);
        assertThat(InstallChaincodeArgs.parseFrom(install.arguments().get(0))
                        .getChaincodeInstallPackage()
                        .toByteArray())
                .isEqualTo(PACKAGE.bytes());
        ChannelHeader header = ChannelHeader.parseFrom(Header.parseFrom(
                        Proposal.parseFrom(install.signed().getProposalBytes()).getHeader())
                .getChannelHeader());
        assertThat(header.getChannelId()).isEmpty();
    }

    @Test
    void installed_package_is_not_sent_again() {
        peer.on(
                "_lifecycle/QueryInstalledChaincodes",
                call -> FakeEndorser.ok(installed("other:1", PACKAGE.packageId())));

        assertThat(lifecycle().install(PACKAGE)).isEqualTo(new InstallResult(PACKAGE.packageId(), true));
        assertThat(peer.calls()).hasSize(1);
    }

    @Test
    void already_installed_refusal_is_success() {
        peer.on("_lifecycle/QueryInstalledChaincodes", call -> FakeEndorser.ok(installed()))
                .on(
                        "_lifecycle/InstallChaincode",
                        call -> FakeEndorser.error(
                                500,
                                "failed to invoke backing implementation of 'InstallChaincode': chaincode already successfully installed (package ID '"
                                        + PACKAGE.packageId() + "')"));

        assertThat(lifecycle().install(PACKAGE).alreadyInstalled()).isTrue();
    }

    @Test
    void builder_failure_is_rejected_with_fabric_message() {
        peer.on("_lifecycle/QueryInstalledChaincodes", call -> FakeEndorser.ok(installed()))
                .on(
                        "_lifecycle/InstallChaincode",
                        call -> FakeEndorser.error(
                                500,
                                "failed to invoke backing implementation of 'InstallChaincode': could not build chaincode: external builder failed: no builders defined"));

        assertThatThrownBy(() -> lifecycle().install(PACKAGE)).isInstanceOfSatisfying(FabricAdminException.class, e -> {
            assertThat(e.kind()).isEqualTo(FabricAdminException.Kind.REJECTED);
            assertThat(e.operation()).isEqualTo("_lifecycle/InstallChaincode");
            assertThat(e.detail()).contains("no builders defined");
        });
    }

    @Test
    void unreachable_peer_is_unavailable() {
        peer.on("_lifecycle/QueryInstalledChaincodes", FakeEndorser.grpcError(Status.UNAVAILABLE));

        assertThatThrownBy(() -> lifecycle().queryInstalled())
                .isInstanceOfSatisfying(
                        FabricAdminException.class,
                        e -> assertThat(e.kind()).isEqualTo(FabricAdminException.Kind.UNAVAILABLE));
    }

    @Test
    void lists_installed_packages() {
        peer.on("_lifecycle/QueryInstalledChaincodes", call -> FakeEndorser.ok(installed("a:1", "b:2")));

        assertThat(lifecycle().queryInstalled())
                .containsExactly(new InstalledChaincode("a:1", "a"), new InstalledChaincode("b:2", "b"));
    }
}
