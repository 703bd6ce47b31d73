package dev.weft.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Properties;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What {@code helm template} renders with the chart's default values, object by object. */
class DefaultValuesRenderTest {

    private static final RenderedChart CHART = ChartRenderer.chart().render();
    private static final List<String> SERVICES = List.of("provisioner", "lifecycle", "gateway");

    @Test
    void renders_the_three_services_the_evaluation_broker_the_network_spec_and_the_api_keys() {
        assertThat(CHART.ids())
                .containsExactlyInAnyOrder(
                        "ServiceAccount/weft-provisioner",
                        "ServiceAccount/weft-lifecycle",
                        "ServiceAccount/weft-gateway",
                        "ConfigMap/weft-provisioner",
                        "ConfigMap/weft-lifecycle",
                        "ConfigMap/weft-gateway",
                        "ConfigMap/weft-network",
                        "PersistentVolumeClaim/weft-provisioner",
                        "PersistentVolumeClaim/weft-lifecycle",
                        "Role/weft-provisioner",
                        "Role/weft-lifecycle",
                        "RoleBinding/weft-provisioner",
                        "RoleBinding/weft-lifecycle",
                        "Service/weft-provisioner",
                        "Service/weft-lifecycle",
                        "Service/weft-gateway",
                        "Service/weft-kafka",
                        "Deployment/weft-provisioner",
                        "Deployment/weft-lifecycle",
                        "Deployment/weft-gateway",
                        "StatefulSet/weft-kafka",
                        "Secret/weft-api-keys");
        assertThat(CHART.ofKind("Job"))
                .as("nothing has to call the API after install")
                .isEmpty();
    }

    @Test
    void labels_every_object_with_the_recommended_labels() {
        for (JsonNode object : CHART.objects()) {
            JsonNode labels = object.path("metadata").path("labels");
            assertThat(labels.path("app.kubernetes.io/name").asText())
                    .as(RenderedChart.id(object))
                    .isEqualTo("weft");
            assertThat(labels.path("app.kubernetes.io/instance").asText()).isEqualTo("weft");
            assertThat(labels.path("app.kubernetes.io/part-of").asText()).isEqualTo("weft");
            assertThat(labels.path("app.kubernetes.io/managed-by").asText()).isEqualTo("Helm");
            assertThat(labels.path("app.kubernetes.io/component").asText()).isNotEmpty();
        }
    }

    @Nested
    class Rbac {

        @Test
        void provisioner_role_holds_exactly_the_verbs_of_the_network_workflow() {
            JsonNode rules = CHART.get("Role", "weft-provisioner").path("rules");

            assertThat(rules).hasSize(2);
            assertRule(
                    rules.get(0),
                    List.of(""),
                    List.of("secrets", "configmaps", "services", "persistentvolumeclaims"),
                    List.of("get", "list", "create", "patch", "delete"));
            assertRule(
                    rules.get(1),
                    List.of("apps"),
                    List.of("statefulsets", "deployments"),
                    List.of("get", "list", "create", "patch", "delete"));
        }

        @Test
        void lifecycle_role_covers_chaincode_deployments_services_and_tls_secrets() {
            JsonNode rules = CHART.get("Role", "weft-lifecycle").path("rules");

            assertThat(rules).hasSize(2);
            assertRule(
                    rules.get(0),
                    List.of("apps"),
                    List.of("deployments"),
                    List.of("get", "list", "create", "patch", "delete"));
            assertRule(
                    rules.get(1),
                    List.of(""),
                    List.of("services", "secrets"),
                    List.of("get", "list", "create", "patch", "delete"));
        }

        @Test
        void gateway_has_no_role_and_no_api_token() {
            assertThat(CHART.find("Role", "weft-gateway")).isEmpty();
            assertThat(CHART.find("RoleBinding", "weft-gateway")).isEmpty();
            assertThat(CHART.get("ServiceAccount", "weft-gateway")
                            .path("automountServiceAccountToken")
                            .asBoolean(true))
                    .isFalse();
        }

        @Test
        void nothing_is_cluster_scoped_by_default() {
            assertThat(CHART.ofKind("ClusterRole")).isEmpty();
            assertThat(CHART.ofKind("ClusterRoleBinding")).isEmpty();
        }

        @Test
        void role_bindings_bind_the_service_accounts_of_the_release_namespace() {
            for (String service : List.of("provisioner", "lifecycle")) {
                JsonNode binding = CHART.get("RoleBinding", "weft-" + service);
                assertThat(binding.path("roleRef").path("kind").asText()).isEqualTo("Role");
                assertThat(binding.path("roleRef").path("name").asText()).isEqualTo("weft-" + service);
                JsonNode subject = binding.path("subjects").get(0);
                assertThat(subject.path("kind").asText()).isEqualTo("ServiceAccount");
                assertThat(subject.path("name").asText()).isEqualTo("weft-" + service);
                assertThat(subject.path("namespace").asText()).isEqualTo(ChartRenderer.NAMESPACE);
            }
        }

        private static void assertRule(JsonNode rule, List<String> groups, List<String> resources, List<String> verbs) {
            assertThat(texts(rule.path("apiGroups"))).containsExactlyElementsOf(groups);
            assertThat(texts(rule.path("resources"))).containsExactlyElementsOf(resources);
            assertThat(texts(rule.path("verbs"))).containsExactlyElementsOf(verbs);
        }
    }

    @Nested
    class Workloads {

        @Test
        void probe_the_quarkus_health_endpoints_on_the_http_port() {
            for (String service : SERVICES) {
                JsonNode container = container("weft-" + service);
                assertThat(container
                                .path("startupProbe")
                                .path("httpGet")
                                .path("path")
                                .asText())
                        .isEqualTo("/q/health/started");
                assertThat(container
                                .path("livenessProbe")
                                .path("httpGet")
                                .path("path")
                                .asText())
                        .isEqualTo("/q/health/live");
                assertThat(container
                                .path("readinessProbe")
                                .path("httpGet")
                                .path("path")
                                .asText())
                        .isEqualTo("/q/health/ready");
                assertThat(container
                                .path("readinessProbe")
                                .path("httpGet")
                                .path("port")
                                .asText())
                        .isEqualTo("http");
                assertThat(container.path("ports").get(0).path("containerPort").asInt())
                        .isEqualTo(8080);
            }
        }

        @Test
        void run_as_non_root_with_a_read_only_root_and_no_capabilities() {
            for (String service : SERVICES) {
                JsonNode pod = podSpec("weft-" + service);
                assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean())
                        .isTrue();
                assertThat(pod.path("securityContext").path("runAsUser").asInt())
                        .isEqualTo(185);
                JsonNode security = container("weft-" + service).path("securityContext");
                assertThat(security.path("allowPrivilegeEscalation").asBoolean(true))
                        .isFalse();
                assertThat(security.path("readOnlyRootFilesystem").asBoolean()).isTrue();
                assertThat(texts(security.path("capabilities").path("drop"))).containsExactly("ALL");
            }
        }

        @Test
        void use_the_versioned_weft_images_with_requests_and_a_memory_limit() {
            for (String service : SERVICES) {
                JsonNode container = container("weft-" + service);
                assertThat(container.path("image").asText()).isEqualTo("ghcr.io/weft-dev/weft-" + service + ":0.1.0");
                assertThat(container
                                .path("resources")
                                .path("requests")
                                .path("cpu")
                                .asText())
                        .isEqualTo("100m");
                assertThat(container
                                .path("resources")
                                .path("limits")
                                .path("memory")
                                .asText())
                        .isEqualTo("512Mi");
            }
        }

        @Test
        void read_their_configuration_file_from_the_quarkus_config_folder() {
            for (String service : SERVICES) {
                JsonNode pod = podSpec("weft-" + service);
                assertThat(mountPath(container("weft-" + service), "config")).isEqualTo("/deployments/config");
                assertThat(volume(pod, "config").path("configMap").path("name").asText())
                        .isEqualTo("weft-" + service);
                assertThat(mountPath(container("weft-" + service), "tmp")).isEqualTo("/tmp");
            }
        }

        @Test
        void keep_the_provisioner_and_lifecycle_work_folders_on_claims_with_one_replica() {
            for (String service : List.of("provisioner", "lifecycle")) {
                JsonNode deployment = CHART.get("Deployment", "weft-" + service);
                assertThat(deployment.path("spec").path("replicas").asInt()).isEqualTo(1);
                assertThat(deployment.path("spec").path("strategy").path("type").asText())
                        .isEqualTo("Recreate");
                assertThat(volume(podSpec("weft-" + service), "work")
                                .path("persistentVolumeClaim")
                                .path("claimName")
                                .asText())
                        .isEqualTo("weft-" + service);
                JsonNode claim = CHART.get("PersistentVolumeClaim", "weft-" + service);
                assertThat(claim.path("metadata")
                                .path("annotations")
                                .path("helm.sh/resource-policy")
                                .asText())
                        .isEqualTo("keep");
            }
        }

        @Test
        void mount_the_gateway_tls_ca_secret_as_an_optional_volume() {
            JsonNode tls = volume(podSpec("weft-gateway"), "fabric-tls").path("secret");
            assertThat(tls.path("secretName").asText()).isEqualTo("org1-peer0-tls");
            assertThat(tls.path("optional").asBoolean()).isTrue();
            assertThat(tls.path("items").get(0).path("key").asText()).isEqualTo("ca.crt");
            assertThat(podSpec("weft-gateway")
                            .path("automountServiceAccountToken")
                            .asBoolean(true))
                    .isFalse();
        }

        @Test
        void share_the_provisioner_work_folder_read_only_on_the_provisioner_node() {
            for (String service : List.of("lifecycle", "gateway")) {
                JsonNode pod = podSpec("weft-" + service);
                JsonNode claim = volume(pod, "provisioner-work").path("persistentVolumeClaim");
                assertThat(claim.path("claimName").asText()).isEqualTo("weft-provisioner");
                assertThat(claim.path("readOnly").asBoolean()).isTrue();
                assertThat(mountPath(container("weft-" + service), "provisioner-work"))
                        .isEqualTo("/var/lib/weft/networks");
                JsonNode term = pod.path("affinity")
                        .path("podAffinity")
                        .path("requiredDuringSchedulingIgnoredDuringExecution")
                        .get(0);
                assertThat(term.path("topologyKey").asText()).isEqualTo("kubernetes.io/hostname");
                assertThat(term.path("labelSelector")
                                .path("matchLabels")
                                .path("app.kubernetes.io/component")
                                .asText())
                        .isEqualTo("provisioner");
            }
            assertThat(podSpec("weft-provisioner").has("affinity")).isFalse();
        }
    }

    @Nested
    class Configuration {

        @Test
        void provisioner_runs_networks_on_kubernetes_from_its_claim() {
            Properties props = ServiceProperties.of(CHART, "weft-provisioner");

            assertThat(props.getProperty("weft.provisioner.runtime")).isEqualTo("kubernetes");
            assertThat(props.getProperty("weft.provisioner.work-dir")).isEqualTo("/var/lib/weft/networks");
            assertThat(props.getProperty("weft.provisioner.timeouts.nodes-ready"))
                    .isEqualTo("600s");
            assertThat(mountPath(container("weft-provisioner"), "work")).isEqualTo("/var/lib/weft/networks");
        }

        @Test
        void lifecycle_deploys_marbles_with_mutual_tls_when_the_network_is_ready() {
            Properties props = ServiceProperties.of(CHART, "weft-lifecycle");

            assertThat(props.getProperty("weft.lifecycle.runtime")).isEqualTo("kubernetes");
            assertThat(props.getProperty("weft.lifecycle.auto-deploy.enabled")).isEqualTo("true");
            assertThat(props.getProperty("weft.lifecycle.auto-deploy.chaincodes"))
                    .isEqualTo("marbles");
            assertThat(props.getProperty("weft.lifecycle.auto-deploy.tls")).isEqualTo("mtls");
            assertThat(props.getProperty("weft.lifecycle.chaincode-image"))
                    .isEqualTo("ghcr.io/weft-dev/weft-chaincode-marbles:0.1.0");
            assertThat(props).doesNotContainKey("weft.lifecycle.auto-deploy.endorsement-policy");
        }

        @Test
        void gateway_talks_to_the_first_org1_peer_over_tls_on_mychannel() {
            Properties props = ServiceProperties.of(CHART, "weft-gateway");

            assertThat(props.getProperty("weft.gateway.channel")).isEqualTo("mychannel");
            assertThat(props.getProperty("weft.gateway.chaincode")).isEqualTo("marbles");
            assertThat(props.getProperty("weft.gateway.peers[0].address"))
                    .isEqualTo("org1-peer0.weft.svc.cluster.local:7051");
            assertThat(props.getProperty("weft.gateway.peers[0].tls-ca-cert")).isEqualTo("/etc/weft/fabric/tls/ca.crt");
            assertThat(props).doesNotContainKey("weft.gateway.peers[1].address");
            assertThat(props.getProperty("weft.gateway.identity.msp-id")).isEqualTo("Org1MSP");
            // The org1 admin of network weft in namespace weft, in the provisioner's crypto tree.
            String msp = "/var/lib/weft/networks/weft/crypto/peerOrganizations/org1.weft/users/Admin@org1.weft/msp";
            assertThat(props.getProperty("weft.gateway.identity.cert-path"))
                    .isEqualTo(msp + "/signcerts/Admin@org1.weft-cert.pem");
            assertThat(props.getProperty("weft.gateway.identity.key-path")).isEqualTo(msp + "/keystore/priv_sk");
            assertThat(msp).startsWith(mountPath(container("weft-gateway"), "provisioner-work"));
        }

        @Test
        void every_service_uses_the_bundled_broker() {
            for (String service : SERVICES) {
                Properties props = ServiceProperties.of(CHART, "weft-" + service);
                assertThat(props.getProperty("kafka.bootstrap.servers")).isEqualTo("weft-kafka.weft.svc:9092");
                assertThat(props).doesNotContainKey("kafka.security.protocol");
            }
        }
    }

    @Nested
    class BundledKafka {

        @Test
        void is_one_kraft_node_with_a_volume_marked_for_evaluation_only() {
            JsonNode kafka = CHART.get("StatefulSet", "weft-kafka");

            assertThat(kafka.path("spec").path("replicas").asInt()).isEqualTo(1);
            assertThat(kafka.path("metadata")
                            .path("annotations")
                            .path("weft.dev/evaluation-only")
                            .asText())
                    .isEqualTo("true");
            JsonNode claim = kafka.path("spec").path("volumeClaimTemplates").get(0);
            assertThat(claim.path("spec")
                            .path("resources")
                            .path("requests")
                            .path("storage")
                            .asText())
                    .isEqualTo("5Gi");
            JsonNode container = kafka.path("spec")
                    .path("template")
                    .path("spec")
                    .path("containers")
                    .get(0);
            assertThat(container.path("image").asText()).isEqualTo("docker.io/apache/kafka:4.1.1");
            assertThat(env(container, "KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
            assertThat(env(container, "KAFKA_ADVERTISED_LISTENERS")).isEqualTo("PLAINTEXT://weft-kafka.weft.svc:9092");
            assertThat(env(container, "KAFKA_LOG_DIRS")).isEqualTo(mountPath(container, "data"));
        }

        @Test
        void is_reached_through_a_headless_service() {
            JsonNode service = CHART.get("Service", "weft-kafka");

            assertThat(service.path("spec").path("clusterIP").asText()).isEqualTo("None");
            assertThat(service.path("spec").path("ports").get(0).path("port").asInt())
                    .isEqualTo(9092);
            assertThat(CHART.get("StatefulSet", "weft-kafka")
                            .path("spec")
                            .path("serviceName")
                            .asText())
                    .isEqualTo("weft-kafka");
        }
    }

    @Nested
    class Network {

        @Test
        void default_spec_is_the_walkthrough_network_in_the_release_namespace() throws Exception {
            JsonNode spec = new ObjectMapper()
                    .readTree(CHART.get("ConfigMap", "weft-network")
                            .path("data")
                            .path("network.json")
                            .asText());

            assertThat(spec.path("name").asText()).isEqualTo("weft");
            assertThat(spec.path("namespace").asText()).isEqualTo(ChartRenderer.NAMESPACE);
            assertThat(spec.path("createNamespace").asBoolean(true)).isFalse();
            assertThat(spec.path("ordererOrg").path("orderers").asInt()).isEqualTo(3);
            assertThat(spec.path("peerOrgs")).hasSize(2);
            assertThat(spec.path("peerOrgs").get(1).path("mspId").asText()).isEqualTo("Org2MSP");
            assertThat(spec.path("channels").get(0).path("name").asText()).isEqualTo("mychannel");
            assertThat(spec.path("stateDatabase").asText()).isEqualTo("couchdb");
            assertThat(spec.path("tls").asBoolean()).isTrue();
            assertThat(spec.path("fabricVersion").asText()).isEqualTo("2.5.12");
            assertThat(spec.has("images"))
                    .as("empty images are left to the provisioner")
                    .isFalse();
            assertThat(spec.has("resources")).isFalse();
        }

        @Test
        void the_provisioner_reads_the_spec_from_the_mounted_config_map_at_start() {
            JsonNode pod = podSpec("weft-provisioner");
            JsonNode container = pod.path("containers").get(0);

            assertThat(mountPath(container, "network-spec")).isEqualTo("/etc/weft/network");
            assertThat(volume(pod, "network-spec")
                            .path("configMap")
                            .path("name")
                            .asText())
                    .isEqualTo("weft-network");
            assertThat(ServiceProperties.of(CHART, "weft-provisioner")
                            .getProperty("weft.provisioner.bootstrap.spec-file"))
                    .isEqualTo("/etc/weft/network/network.json");
        }

        @Test
        void a_changed_spec_restarts_the_provisioner_and_an_unchanged_one_does_not() {
            String before = networkChecksum(CHART);
            String same = networkChecksum(ChartRenderer.chart().render());
            String after = networkChecksum(ChartRenderer.chart()
                    .set("network.stateDatabase", "leveldb")
                    .render());

            assertThat(before).matches("[0-9a-f]{64}").isEqualTo(same);
            assertThat(after).isNotEqualTo(before);
        }

        private static String networkChecksum(RenderedChart chart) {
            return chart.get("Deployment", "weft-provisioner")
                    .path("spec")
                    .path("template")
                    .path("metadata")
                    .path("annotations")
                    .path("checksum/network")
                    .asText();
        }
    }

    @Test
    void has_no_ingress_and_no_service_monitor_by_default() {
        assertThat(CHART.ofKind("Ingress")).isEmpty();
        assertThat(CHART.ofKind("ServiceMonitor")).isEmpty();
    }

    static JsonNode podSpec(String deployment) {
        return CHART.get("Deployment", deployment).path("spec").path("template").path("spec");
    }

    static JsonNode container(String deployment) {
        return podSpec(deployment).path("containers").get(0);
    }

    static JsonNode volume(JsonNode podSpec, String name) {
        return StreamSupport.stream(podSpec.path("volumes").spliterator(), false)
                .filter(v -> name.equals(v.path("name").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no volume " + name));
    }

    static String mountPath(JsonNode container, String volume) {
        return StreamSupport.stream(container.path("volumeMounts").spliterator(), false)
                .filter(m -> volume.equals(m.path("name").asText()))
                .map(m -> m.path("mountPath").asText())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no mount of " + volume));
    }

    static String env(JsonNode container, String name) {
        return StreamSupport.stream(container.path("env").spliterator(), false)
                .filter(e -> name.equals(e.path("name").asText()))
                .map(e -> e.path("value").asText())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no env " + name));
    }

    static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asText)
                .toList();
    }
}
