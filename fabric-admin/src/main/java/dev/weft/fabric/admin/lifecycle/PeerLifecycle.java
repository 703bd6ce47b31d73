package dev.weft.fabric.admin.lifecycle;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.weft.fabric.admin.chaincode.ChaincodePackage;
import dev.weft.fabric.admin.identity.SigningIdentity;
import dev.weft.fabric.admin.peer.Endorser;
import dev.weft.fabric.admin.proposal.ChaincodeProposal;
import dev.weft.fabric.admin.proposal.FabricAdminException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.hyperledger.fabric.protos.peer.ProposalResponse;
import org.hyperledger.fabric.protos.peer.lifecycle.InstallChaincodeArgs;
import org.hyperledger.fabric.protos.peer.lifecycle.InstallChaincodeResult;
import org.hyperledger.fabric.protos.peer.lifecycle.QueryInstalledChaincodesArgs;
import org.hyperledger.fabric.protos.peer.lifecycle.QueryInstalledChaincodesResult;

/**
 * The peer-local part of {@code _lifecycle}: install a package and list installed packages. These go straight to
 * the peer's Endorser service (no channel), signed by an admin of the peer's organization; the Fabric Gateway
 * cannot send them.
 *
 * <pre>{@code
 * PeerLifecycle lifecycle = new PeerLifecycle(endorser, org1Admin, Duration.ofMinutes(2));
 * InstallResult result = lifecycle.install(pkg);   // alreadyInstalled == true on a re-run
 * }</pre>
 */
public final class PeerLifecycle {

    static final String INSTALL = "_lifecycle/InstallChaincode";
    static final String QUERY_INSTALLED = "_lifecycle/QueryInstalledChaincodes";

    private final Endorser endorser;
    private final SigningIdentity admin;
    private final Duration installDeadline;

    /**
     * @param endorser the peer
     * @param admin an admin of the peer's organization
     * @param installDeadline the deadline of an install, which runs the external builder and takes longer than a
     *     query
     */
    public PeerLifecycle(Endorser endorser, SigningIdentity admin, Duration installDeadline) {
        this.endorser = Objects.requireNonNull(endorser, "endorser");
        this.admin = Objects.requireNonNull(admin, "admin");
        this.installDeadline = Objects.requireNonNull(installDeadline, "installDeadline");
    }

    /** Installs the package unless the peer has it already. */
    public InstallResult install(ChaincodePackage chaincodePackage) {
        String packageId = chaincodePackage.packageId();
        if (queryInstalled().stream()
                .anyMatch(installed -> installed.packageId().equals(packageId))) {
            return new InstallResult(packageId, true);
        }
        InstallChaincodeArgs args = InstallChaincodeArgs.newBuilder()
                .setChaincodeInstallPackage(ByteString.copyFrom(chaincodePackage.bytes()))
                .build();
        ProposalResponse response;
        try {
            response = endorser.process(
                    ChaincodeProposal.builder("_lifecycle", "InstallChaincode")
                            .argument(args.toByteString())
                            .build()
                            .sign(admin),
                    INSTALL,
                    installDeadline);
        } catch (FabricAdminException e) {
            // lifecycle.go: "chaincode already successfully installed (package ID '<id>')"
            if (e.kind() == FabricAdminException.Kind.REJECTED
                    && e.detail().contains("already successfully installed")) {
                return new InstallResult(packageId, true);
            }
            throw e;
        }
        InstallChaincodeResult result = parse(INSTALL, response, InstallChaincodeResult.parser());
        return new InstallResult(result.getPackageId(), false);
    }

    /** The packages installed on the peer. */
    public List<InstalledChaincode> queryInstalled() {
        ProposalResponse response = endorser.process(
                ChaincodeProposal.builder("_lifecycle", "QueryInstalledChaincodes")
                        .argument(QueryInstalledChaincodesArgs.getDefaultInstance()
                                .toByteString())
                        .build()
                        .sign(admin),
                QUERY_INSTALLED);
        return parse(QUERY_INSTALLED, response, QueryInstalledChaincodesResult.parser())
                .getInstalledChaincodesList()
                .stream()
                .map(installed -> new InstalledChaincode(installed.getPackageId(), installed.getLabel()))
                .toList();
    }

    private <T> T parse(String operation, ProposalResponse response, com.google.protobuf.Parser<T> parser) {
        try {
            return parser.parseFrom(response.getResponse().getPayload());
        } catch (InvalidProtocolBufferException e) {
            throw new FabricAdminException(
                    FabricAdminException.Kind.PROTOCOL,
                    endorser.node(),
                    operation,
                    "bad payload",
                    "the response payload is not the expected message",
                    e);
        }
    }
}
