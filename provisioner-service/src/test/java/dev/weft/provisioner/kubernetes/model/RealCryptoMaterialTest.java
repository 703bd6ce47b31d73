package dev.weft.provisioner.kubernetes.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.fabric.admin.crypto.CryptoGenerator;
import dev.weft.fabric.admin.crypto.CryptoMaterial;
import dev.weft.fabric.admin.crypto.Topology;
import dev.weft.provisioner.spec.FabricNode;
import dev.weft.provisioner.spec.NetworkNaming;
import dev.weft.provisioner.spec.NetworkSpec;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The model over material from fabric-admin's generator: the pod sees Fabric's folder layout with real files. */
class RealCryptoMaterialTest {

    private final NetworkNaming naming = NetworkNaming.of(NetworkSpec.defaults("marbles"));
    private final CryptoMaterial crypto = new CryptoGenerator().generate(topology());

    private Topology topology() {
        var ord = naming.spec().ordererOrg();
        return new Topology(
                List.of(new Topology.OrdererOrg(ord.name(), "orderer.marbles", ord.mspId(), nodes(naming.orderers()))),
                naming.spec().peerOrgs().stream()
                        .map(o -> new Topology.PeerOrg(
                                o.name(), o.name() + ".marbles", o.mspId(), nodes(naming.peers(o)), List.of()))
                        .toList());
    }

    private List<Topology.Node> nodes(List<FabricNode> nodes) {
        return nodes.stream()
                .map(n -> new Topology.Node(n.name(), naming.hostNames(n).subList(1, 6)))
                .toList();
    }

    private NetworkMaterial material() {
        return NetworkMaterial.of(
                n -> crypto.org(n.mspId()).node(n.name()),
                msp -> crypto.org(msp).ca(),
                n -> "pw-" + n.name());
    }

    @Test
    void peer_secrets_lay_out_the_msp_and_tls_folders() {
        FabricNode peer = naming.peers().get(0);
        PeerModel model = PeerModel.of(naming, peer, material());

        Secret msp = model.generateMspSecret();
        Volume volume = model.generateStatefulSet()
                .getSpec()
                .getTemplate()
                .getSpec()
                .getVolumes()
                .get(0);

        assertThat(volume.getSecret().getItems())
                .extracting(KeyToPath::getPath)
                .containsExactlyInAnyOrder(
                        "cacerts/ca.org1.marbles-cert.pem",
                        "tlscacerts/tlsca.org1.marbles-cert.pem",
                        "signcerts/org1-peer0-cert.pem",
                        "keystore/priv_sk",
                        "config.yaml");
        assertThat(new String(Base64.getDecoder().decode(msp.getData().get("keystore.priv_sk"))))
                .startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(model.generateTlsSecret().getData()).containsOnlyKeys("ca.crt", "server.crt", "server.key");
        assertThat(new String(Base64.getDecoder()
                        .decode(model.generateCouchDbSecret().getData().get("password"))))
                .isEqualTo("pw-org1-peer0");
    }

    @Test
    void the_ca_starts_from_the_orgs_signing_ca() {
        FabricNode ca = naming.cas().get(1);
        Secret secret = CaModel.of(naming, ca, material()).generateSecret();

        assertThat(Base64.getDecoder().decode(secret.getData().get("ca-cert.pem")))
                .isEqualTo(crypto.org("Org2MSP").ca().certificatePem());
        assertThat(new String(Base64.getDecoder().decode(secret.getData().get("admin-user"))))
                .isEqualTo(NetworkMaterial.CA_ADMIN_USER);
    }
}
