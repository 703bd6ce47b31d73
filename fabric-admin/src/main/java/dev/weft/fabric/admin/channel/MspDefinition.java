package dev.weft.fabric.admin.channel;

import dev.weft.fabric.admin.crypto.OrgMaterial;
import dev.weft.fabric.admin.crypto.Pem;
import java.security.cert.X509Certificate;
import java.util.List;
import org.hyperledger.fabric.protos.msp.FabricCryptoConfig;
import org.hyperledger.fabric.protos.msp.FabricMSPConfig;
import org.hyperledger.fabric.protos.msp.FabricNodeOUs;
import org.hyperledger.fabric.protos.msp.FabricOUIdentifier;
import org.hyperledger.fabric.protos.msp.MSPConfig;

/**
 * The verifying MSP of an org as channel configuration carries it: what configtxgen reads from the org's {@code msp}
 * folder ({@code cacerts}, {@code tlscacerts}, {@code config.yaml} with NodeOUs enabled).
 *
 * @param mspId the MSP id, also the {@code FabricMSPConfig.name}
 * @param rootCertificates the signing CA certificates ({@code cacerts})
 * @param tlsRootCertificates the TLS CA certificates ({@code tlscacerts})
 * @param nodeOuCertificate the CA that NodeOUs identifiers refer to (the first root certificate in cryptogen trees)
 */
public record MspDefinition(
        String mspId,
        List<X509Certificate> rootCertificates,
        List<X509Certificate> tlsRootCertificates,
        X509Certificate nodeOuCertificate) {

    public MspDefinition {
        if (mspId == null || mspId.isBlank()) {
            throw new InvalidChannelProfileException("MSP without id");
        }
        rootCertificates = List.copyOf(rootCertificates);
        tlsRootCertificates = List.copyOf(tlsRootCertificates);
        if (rootCertificates.isEmpty()) {
            throw new InvalidChannelProfileException("MSP " + mspId + " has no root certificate");
        }
        if (nodeOuCertificate == null) {
            throw new InvalidChannelProfileException("MSP " + mspId + " has no NodeOUs certificate");
        }
    }

    /** The MSP of a generated or loaded org: its CA, TLS CA and NodeOUs on the CA. */
    public static MspDefinition of(OrgMaterial org) {
        return new MspDefinition(
                org.mspId(),
                List.of(org.ca().certificate()),
                List.of(org.tlsCa().certificate()),
                org.ca().certificate());
    }

    /** The {@code MSPConfig} (type FABRIC) holding the serialized {@code FabricMSPConfig}. */
    public MSPConfig toProto() {
        FabricMSPConfig.Builder config = FabricMSPConfig.newBuilder()
                .setName(mspId)
                .setCryptoConfig(FabricCryptoConfig.newBuilder()
                        .setSignatureHashFamily("SHA2")
                        .setIdentityIdentifierHashFunction("SHA256"))
                .setFabricNodeOus(FabricNodeOUs.newBuilder()
                        .setEnable(true)
                        .setClientOuIdentifier(ou("client"))
                        .setPeerOuIdentifier(ou("peer"))
                        .setAdminOuIdentifier(ou("admin"))
                        .setOrdererOuIdentifier(ou("orderer")));
        rootCertificates.forEach(c -> config.addRootCerts(ByteStrings.of(Pem.certificate(c))));
        tlsRootCertificates.forEach(c -> config.addTlsRootCerts(ByteStrings.of(Pem.certificate(c))));
        return MSPConfig.newBuilder()
                .setType(0) // FABRIC
                .setConfig(ByteStrings.deterministic(config.build()))
                .build();
    }

    private FabricOUIdentifier ou(String identifier) {
        return FabricOUIdentifier.newBuilder()
                .setCertificate(ByteStrings.of(Pem.certificate(nodeOuCertificate)))
                .setOrganizationalUnitIdentifier(identifier)
                .build();
    }

    @Override
    public String toString() {
        return "MspDefinition[" + mspId + ", roots=" + rootCertificates.size() + ", tlsRoots="
                + tlsRootCertificates.size() + "]";
    }
}
