package dev.weft.provisioner.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NetworkNamingTest {

    private final NetworkNaming naming = NetworkNaming.of(NetworkSpec.defaults("demo"));

    @Test
    void names_every_node_of_the_walkthrough() {
        assertThat(naming.nodes())
                .extracting(FabricNode::name)
                .containsExactly("orderer0", "orderer1", "orderer2", "org1-peer0", "org2-peer0", "org1-ca", "org2-ca");
        assertThat(naming.peers().get(1))
                .isEqualTo(new FabricNode(FabricNode.Kind.PEER, "org2", "Org2MSP", 0, "org2-peer0"));
    }

    @Test
    void gives_each_node_every_host_name_it_is_reached_by() {
        FabricNode orderer = naming.orderers().get(1);

        assertThat(naming.hostNames(orderer))
                .containsExactly(
                        "orderer1",
                        "orderer1.demo",
                        "orderer1.demo.svc",
                        "orderer1.demo.svc.cluster.local",
                        "localhost",
                        "127.0.0.1");
        assertThat(naming.kubernetesEndpoint(orderer, FabricPorts.ORDERER_ADMIN))
                .isEqualTo("orderer1.demo.svc.cluster.local:7053");
    }

    @Test
    void gives_each_node_its_own_local_ports() {
        assertThat(naming.localPorts(naming.orderers().get(2))).isEqualTo(new LocalPorts(7020, 7021, 7022, 0, 7023));
        assertThat(naming.localPorts(naming.peers().get(0))).isEqualTo(new LocalPorts(7100, 0, 0, 7101, 7102));
        assertThat(naming.localPorts(naming.peers().get(1))).isEqualTo(new LocalPorts(7200, 0, 0, 7201, 7202));
        assertThat(naming.localPorts(naming.cas().get(1))).isEqualTo(new LocalPorts(7290, 0, 0, 0, 7291));
        assertThat(naming.localEndpoint(7100)).isEqualTo("127.0.0.1:7100");
    }

    @Test
    void names_the_objects_of_a_node() {
        FabricNode peer = naming.peers().get(0);
        FabricNode ca = naming.cas().get(0);

        assertThat(naming.mspSecretName(peer)).isEqualTo("org1-peer0-msp");
        assertThat(naming.tlsSecretName(peer)).isEqualTo("org1-peer0-tls");
        assertThat(naming.couchDbSecretName(peer)).isEqualTo("org1-peer0-couchdb");
        assertThat(naming.caSecretName(ca)).isEqualTo("org1-ca-crypto");
        assertThat(naming.caDataClaimName(ca)).isEqualTo("org1-ca-data");
    }
}
