package dev.weft.provisioner.kubernetes.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.provisioner.spec.NetworkSpec;
import dev.weft.provisioner.spec.NetworkSpecs;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetworkModelTest {

    private static NetworkModel model(String yaml) throws Exception {
        return NetworkModel.from(NetworkSpecs.parse(yaml), new FakeMaterial());
    }

    private static Container container(StatefulSet set, String name) {
        return set.getSpec().getTemplate().getSpec().getContainers().stream()
                .filter(c -> c.getName().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static String env(Container c, String name) {
        return c.getEnv().stream()
                .filter(e -> e.getName().equals(name))
                .map(EnvVar::getValue)
                .findFirst()
                .orElse(null);
    }

    // The walkthrough's topology, object by object: nothing missing, nothing extra.
    @Test
    void the_walkthrough_has_every_object_it_needs() {
        NetworkModel model = NetworkModel.from(NetworkSpec.defaults("marbles"), new FakeMaterial());

        assertThat(model.resources())
                .extracting(o -> o.getKind() + "/" + o.getMetadata().getName())
                .containsExactly(
                        "Namespace/marbles",
                        "Secret/orderer0-msp",
                        "Secret/orderer0-tls",
                        "Secret/orderer1-msp",
                        "Secret/orderer1-tls",
                        "Secret/orderer2-msp",
                        "Secret/orderer2-tls",
                        "Secret/org1-peer0-msp",
                        "Secret/org1-peer0-tls",
                        "Secret/org1-peer0-couchdb",
                        "Secret/org2-peer0-msp",
                        "Secret/org2-peer0-tls",
                        "Secret/org2-peer0-couchdb",
                        "Secret/org1-ca-crypto",
                        "Secret/org2-ca-crypto",
                        "ConfigMap/weft-external-builder",
                        "PersistentVolumeClaim/org1-ca-data",
                        "PersistentVolumeClaim/org2-ca-data",
                        "Service/orderer0",
                        "Service/orderer1",
                        "Service/orderer2",
                        "Service/org1-peer0",
                        "Service/org2-peer0",
                        "Service/org1-ca",
                        "Service/org2-ca",
                        "StatefulSet/orderer0",
                        "StatefulSet/orderer1",
                        "StatefulSet/orderer2",
                        "StatefulSet/org1-peer0",
                        "StatefulSet/org2-peer0",
                        "Deployment/org1-ca",
                        "Deployment/org2-ca");
        assertThat(model.resources())
                .filteredOn(o -> !o.getKind().equals("Namespace"))
                .extracting(o -> o.getMetadata().getNamespace())
                .containsOnly("marbles");
        assertThat(model.resources())
                .extracting(HasMetadata::getMetadata)
                .allSatisfy(m -> assertThat(m.getLabels())
                        .containsEntry("app.kubernetes.io/managed-by", "weft-provisioner")
                        .containsEntry("weft.dev/network", "marbles")
                        .containsKeys(
                                "app.kubernetes.io/name",
                                "app.kubernetes.io/instance",
                                "app.kubernetes.io/component",
                                "app.kubernetes.io/part-of"));
    }

    @Test
    void keys_and_certificates_live_in_secrets_never_in_config_maps() {
        NetworkModel model = NetworkModel.from(NetworkSpec.defaults("marbles"), new FakeMaterial());

        assertThat(model.configMaps())
                .singleElement()
                .satisfies(cm -> assertThat(cm.getData().toString()).doesNotContain("BEGIN"));
    }

    @Test
    void leveldb_peers_have_no_couchdb_sidecar_or_secret() throws Exception {
        NetworkModel model = model("name: lab\nstateDatabase: leveldb\n");

        StatefulSet peer = model.statefulSets().get(3);
        assertThat(peer.getSpec().getTemplate().getSpec().getContainers())
                .extracting(Container::getName)
                .containsExactly("peer");
        assertThat(env(container(peer, "peer"), "CORE_LEDGER_STATE_STATEDATABASE"))
                .isEqualTo("goleveldb");
        assertThat(model.secrets()).extracting(s -> s.getMetadata().getName()).noneMatch(n -> n.endsWith("couchdb"));
    }

    // With client TLS off, Raft and the admin endpoint still use TLS, and the admin endpoint still wants client certs.
    @Test
    void the_orderer_admin_endpoint_is_mutual_tls_even_without_client_tls() throws Exception {
        StatefulSet orderer = model("name: lab\ntls: false\n").statefulSets().get(0);
        Container c = container(orderer, "orderer");

        assertThat(env(c, "ORDERER_GENERAL_TLS_ENABLED")).isEqualTo("false");
        assertThat(env(c, "ORDERER_GENERAL_TLS_CERTIFICATE")).isNull();
        assertThat(env(c, "ORDERER_ADMIN_TLS_ENABLED")).isEqualTo("true");
        assertThat(env(c, "ORDERER_ADMIN_TLS_CLIENTAUTHREQUIRED")).isEqualTo("true");
        assertThat(env(c, "ORDERER_GENERAL_CLUSTER_SERVERCERTIFICATE"))
                .isEqualTo("/var/hyperledger/orderer/tls/server.crt");
    }

    @Test
    void peers_know_both_chaincode_builders() throws Exception {
        Container peer = container(model("name: lab").statefulSets().get(3), "peer");

        assertThat(env(peer, "CORE_CHAINCODE_EXTERNALBUILDERS"))
                .contains("\"name\":\"ccaas_builder\",\"path\":\"/opt/hyperledger/ccaas_builder\"")
                .contains("\"name\":\"weft-external\",\"path\":\"/opt/weft/builders/external\"");
        assertThat(peer.getVolumeMounts())
                .anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo("/opt/weft/builders/external/bin"));
    }

    @Test
    void every_pod_runs_as_non_root_with_requests_and_health_probes() {
        NetworkModel model = NetworkModel.from(NetworkSpec.defaults("marbles"), new FakeMaterial());

        model.statefulSets().forEach(set -> {
            assertThat(set.getSpec()
                            .getTemplate()
                            .getSpec()
                            .getSecurityContext()
                            .getRunAsNonRoot())
                    .isTrue();
            set.getSpec().getTemplate().getSpec().getContainers().forEach(c -> {
                assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
                assertThat(c.getResources().getRequests()).containsKeys("cpu", "memory");
                assertThat(c.getReadinessProbe().getHttpGet().getPath()).isIn("/healthz", "/_up");
            });
        });
    }

    @Test
    void secret_keys_map_back_to_the_folder_layout() {
        Map<String, String> keys = CryptoSecrets.keys(
                Map.of("signcerts/cert.pem", new byte[0], "keystore/priv_sk", new byte[0], "config.yaml", new byte[0]));

        assertThat(keys)
                .containsExactly(
                        Map.entry("config.yaml", "config.yaml"),
                        Map.entry("keystore/priv_sk", "keystore.priv_sk"),
                        Map.entry("signcerts/cert.pem", "signcerts.cert.pem"));
    }

    @Test
    void clashing_secret_keys_are_refused() {
        assertThatThrownBy(() -> CryptoSecrets.keys(Map.of("a/b", new byte[0], "a.b", new byte[0])))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Secret key a.b");
    }

    @Test
    void an_existing_namespace_is_not_part_of_the_model() throws Exception {
        NetworkModel model = model("name: lab\nnamespace: shared\ncreateNamespace: false\n");

        assertThat(model.namespaceObject()).isNull();
        assertThat(model.resources()).extracting(HasMetadata::getKind).doesNotContain("Namespace");
        assertThat(model.namespace()).isEqualTo("shared");
        assertThat(List.copyOf(model.services()))
                .extracting(s -> s.getMetadata().getNamespace())
                .containsOnly("shared");
    }
}
