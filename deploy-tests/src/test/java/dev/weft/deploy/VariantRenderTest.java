package dev.weft.deploy;

import static dev.weft.deploy.DefaultValuesRenderTest.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.service.security.ApiKeyEntry;
import dev.weft.service.security.ApiKeys;
import dev.weft.service.security.KeysFile;
import dev.weft.service.security.Roles;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Renders of the variants in {@code helm/weft/ci/}. */
class VariantRenderTest {

    /** {@code ci/external-kafka-values.yaml}: existing Kafka over SASL_SSL, Ingress, ServiceMonitor, own namespace. */
    @Nested
    class ExternalKafka {

        private final RenderedChart chart =
                ChartRenderer.chart().values("ci/external-kafka-values.yaml").render();

        @Test
        void bundles_no_broker() {
            assertThat(chart.find("StatefulSet", "weft-kafka")).isEmpty();
            assertThat(chart.find("Service", "weft-kafka")).isEmpty();
        }

        @Test
        void configures_the_kafka_client_for_sasl_ssl_with_a_pem_truststore() {
            for (String service : List.of("provisioner", "lifecycle", "gateway")) {
                Properties props = ServiceProperties.of(chart, "weft-" + service);
                assertThat(props.getProperty("kafka.bootstrap.servers"))
                        .isEqualTo("kafka-0.kafka.example.com:9093,kafka-1.kafka.example.com:9093");
                assertThat(props.getProperty("kafka.security.protocol")).isEqualTo("SASL_SSL");
                assertThat(props.getProperty("kafka.sasl.mechanism")).isEqualTo("SCRAM-SHA-512");
                assertThat(props.getProperty("kafka.ssl.truststore.type")).isEqualTo("PEM");
                assertThat(props).doesNotContainKey("kafka.sasl.jaas.config");

                JsonNode pod = pod(service);
                JsonNode container = pod.path("containers").get(0);
                JsonNode jaas = envVar(container, "KAFKA_SASL_JAAS_CONFIG");
                assertThat(jaas.path("valueFrom")
                                .path("secretKeyRef")
                                .path("name")
                                .asText())
                        .isEqualTo("weft-kafka-user");
                assertThat(jaas.path("valueFrom")
                                .path("secretKeyRef")
                                .path("key")
                                .asText())
                        .isEqualTo("sasl.jaas.config");
                assertThat(props.getProperty("kafka.ssl.truststore.location"))
                        .startsWith(DefaultValuesRenderTest.mountPath(container, "kafka-tls"));
                assertThat(DefaultValuesRenderTest.volume(pod, "kafka-tls")
                                .path("secret")
                                .path("secretName")
                                .asText())
                        .isEqualTo("kafka-ca");
            }
        }

        @Test
        void exposes_the_gateway_through_an_ingress_with_tls() {
            JsonNode ingress = chart.get("Ingress", "weft-gateway");

            assertThat(ingress.path("spec").path("ingressClassName").asText()).isEqualTo("nginx");
            assertThat(ingress.path("spec")
                            .path("tls")
                            .get(0)
                            .path("secretName")
                            .asText())
                    .isEqualTo("weft-api-tls");
            JsonNode rule = ingress.path("spec").path("rules").get(0);
            assertThat(rule.path("host").asText()).isEqualTo("api.weft.example.com");
            JsonNode path = rule.path("http").path("paths").get(0);
            assertThat(path.path("path").asText()).isEqualTo("/api");
            assertThat(path.path("backend").path("service").path("name").asText())
                    .isEqualTo("weft-gateway");
            assertThat(ingress.path("metadata")
                            .path("annotations")
                            .path("nginx.ingress.kubernetes.io/proxy-read-timeout")
                            .asText())
                    .isEqualTo("3600");
        }

        @Test
        void scrapes_the_three_services_metrics() {
            JsonNode monitor = chart.get("ServiceMonitor", "weft");

            assertThat(monitor.path("metadata").path("labels").path("release").asText())
                    .isEqualTo("prometheus");
            JsonNode endpoint = monitor.path("spec").path("endpoints").get(0);
            assertThat(endpoint.path("path").asText()).isEqualTo("/q/metrics");
            assertThat(endpoint.path("port").asText()).isEqualTo("http");
            assertThat(texts(monitor.path("spec")
                            .path("selector")
                            .path("matchExpressions")
                            .get(0)
                            .path("values")))
                    .containsExactly("provisioner", "lifecycle", "gateway");
        }

        @Test
        void grants_namespace_creation_through_the_only_cluster_role() {
            JsonNode role = chart.get("ClusterRole", "weft-provisioner-namespaces");

            assertThat(role.path("rules")).hasSize(1);
            assertThat(texts(role.path("rules").get(0).path("resources"))).containsExactly("namespaces");
            assertThat(texts(role.path("rules").get(0).path("verbs")))
                    .containsExactly("get", "create", "patch", "delete");
            JsonNode binding = chart.get("ClusterRoleBinding", "weft-provisioner-namespaces");
            assertThat(binding.path("subjects").get(0).path("namespace").asText())
                    .isEqualTo(ChartRenderer.NAMESPACE);
        }

        @Test
        void puts_the_roles_in_the_network_namespace_bound_to_the_release_service_accounts() {
            for (String service : List.of("provisioner", "lifecycle")) {
                assertThat(chart.get("Role", "weft-" + service)
                                .path("metadata")
                                .path("namespace")
                                .asText())
                        .isEqualTo("weft-prod");
                JsonNode binding = chart.get("RoleBinding", "weft-" + service);
                assertThat(binding.path("metadata").path("namespace").asText()).isEqualTo("weft-prod");
                assertThat(binding.path("subjects").get(0).path("namespace").asText())
                        .isEqualTo(ChartRenderer.NAMESPACE);
            }
        }

        @Test
        void points_the_gateway_at_every_org1_peer_of_the_network_namespace() {
            Properties props = ServiceProperties.of(chart, "weft-gateway");

            assertThat(props.getProperty("weft.gateway.peers[0].address"))
                    .isEqualTo("org1-peer0.weft-prod.svc.cluster.local:7051");
            assertThat(props.getProperty("weft.gateway.peers[2].address"))
                    .isEqualTo("org1-peer2.weft-prod.svc.cluster.local:7051");
            assertThat(props).doesNotContainKey("weft.gateway.peers[3].address");
            assertThat(DefaultValuesRenderTest.volume(pod("gateway"), "fabric-identity")
                            .path("secret")
                            .path("secretName")
                            .asText())
                    .isEqualTo("org1-gateway-user");
            assertThat(chart.get("Deployment", "weft-gateway")
                            .path("spec")
                            .path("replicas")
                            .asInt())
                    .isEqualTo(2);
        }

        @Test
        void pulls_from_the_private_registry_and_pins_the_provisioner_by_digest() {
            JsonNode pod = pod("provisioner");

            assertThat(pod.path("containers").get(0).path("image").asText())
                    .isEqualTo("registry.example.com/weft-dev/weft-provisioner@sha256:"
                            + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
            assertThat(pod("gateway").path("containers").get(0).path("image").asText())
                    .isEqualTo("registry.example.com/weft-dev/weft-gateway:0.1.0");
            assertThat(pod.path("imagePullSecrets").get(0).path("name").asText())
                    .isEqualTo("regcred");
        }

        @Test
        void enrolls_a_fabric_identity_per_caller_with_the_org_ca_and_mounts_no_ca_key() {
            Properties gateway = ServiceProperties.of(chart, "weft-gateway");
            JsonNode pod = pod("gateway");

            assertThat(gateway.getProperty("weft.gateway.identity.mode")).isEqualTo("per-caller");
            assertThat(gateway.getProperty("weft.gateway.identity.per-caller.ca-url"))
                    .isEqualTo("https://org1-ca.weft-prod.svc.cluster.local:7054");
            assertThat(gateway.getProperty("weft.gateway.identity.per-caller.ca-name"))
                    .isEqualTo("org1-ca");
            assertThat(gateway.getProperty("weft.gateway.identity.per-caller.ca-tls-cert"))
                    .isEqualTo("/etc/weft/fabric/ca/ca-cert.pem");
            assertThat(gateway.getProperty("weft.gateway.identity.per-caller.registrar-secret-file"))
                    .isEqualTo("/etc/weft/fabric/ca/registrar-secret");
            assertThat(gateway.getProperty("weft.gateway.identity.per-caller.store-dir"))
                    .startsWith("/var/lib/weft/gateway/");
            JsonNode ca = DefaultValuesRenderTest.volume(pod, "fabric-ca").path("secret");
            assertThat(ca.path("secretName").asText()).isEqualTo("org1-ca-registrar");
            assertThat(ca.path("items").findValuesAsText("key"))
                    .containsExactlyInAnyOrder("admin-password", "ca-cert.pem");
            assertThat(DefaultValuesRenderTest.mountPath(pod.path("containers").get(0), "fabric-ca"))
                    .isEqualTo("/etc/weft/fabric/ca");
        }

        @Test
        void signs_with_the_org_identity_by_default() {
            assertThat(ServiceProperties.of(ChartRenderer.chart().render(), "weft-gateway"))
                    .doesNotContainKey("weft.gateway.identity.mode");
        }

        @Test
        void submits_the_customised_network_and_chaincode_settings() throws Exception {
            JsonNode spec = new ObjectMapper()
                    .readTree(chart.get("ConfigMap", "weft-network")
                            .path("data")
                            .path("network.json")
                            .asText());
            Properties lifecycle = ServiceProperties.of(chart, "weft-lifecycle");

            assertThat(spec.path("name").asText()).isEqualTo("prod");
            assertThat(spec.path("namespace").asText()).isEqualTo("weft-prod");
            assertThat(spec.path("createNamespace").asBoolean()).isTrue();
            assertThat(spec.path("stateDatabase").asText()).isEqualTo("leveldb");
            assertThat(spec.path("peerOrgs").get(0).path("peers").asInt()).isEqualTo(3);
            assertThat(spec.path("storage").path("storageClass").asText()).isEqualTo("fast-ssd");
            assertThat(spec.path("resources").path("peer").path("memory").asText())
                    .isEqualTo("1Gi");
            assertThat(lifecycle.getProperty("weft.lifecycle.auto-deploy.version"))
                    .isEqualTo("2.0");
            assertThat(lifecycle.getProperty("weft.lifecycle.auto-deploy.tls")).isEqualTo("tls");
            assertThat(lifecycle.getProperty("weft.lifecycle.auto-deploy.endorsement-policy"))
                    .isEqualTo("OR('Org1MSP.peer','Org2MSP.peer')");
        }

        private JsonNode pod(String service) {
            return chart.get("Deployment", "weft-" + service)
                    .path("spec")
                    .path("template")
                    .path("spec");
        }
    }

    /** {@code ci/minimal-values.yaml}: no persistence, no RBAC objects, no network provisioned at start. */
    @Nested
    class Minimal {

        private final RenderedChart chart =
                ChartRenderer.chart().values("ci/minimal-values.yaml").render();

        @Test
        void renders_no_roles_no_claims_and_no_network_spec() {
            assertThat(chart.ofKind("Role")).isEmpty();
            assertThat(chart.ofKind("RoleBinding")).isEmpty();
            assertThat(chart.ofKind("PersistentVolumeClaim")).isEmpty();
            assertThat(chart.find("ConfigMap", "weft-network")).isEmpty();
            assertThat(ServiceProperties.of(chart, "weft-provisioner"))
                    .doesNotContainKey("weft.provisioner.bootstrap.spec-file");
            assertThat(chart.get("Deployment", "weft-provisioner").toString()).doesNotContain("network-spec");
            assertThat(chart.ofKind("ServiceAccount")).hasSize(3);
        }

        @Test
        void keeps_the_work_folders_in_empty_dirs() {
            for (String service : List.of("provisioner", "lifecycle")) {
                JsonNode pod = chart.get("Deployment", "weft-" + service)
                        .path("spec")
                        .path("template")
                        .path("spec");
                assertThat(DefaultValuesRenderTest.volume(pod, "work").has("emptyDir"))
                        .isTrue();
            }
        }

        @Test
        void shares_no_work_folder_and_takes_the_gateway_identity_from_a_secret() {
            JsonNode gateway = chart.get("Deployment", "weft-gateway")
                    .path("spec")
                    .path("template")
                    .path("spec");
            assertThat(gateway.path("volumes").toString()).doesNotContain("provisioner-work");
            assertThat(gateway.has("affinity")).isFalse();
            assertThat(DefaultValuesRenderTest.volume(gateway, "fabric-identity")
                            .path("secret")
                            .path("secretName")
                            .asText())
                    .isEqualTo("weft-gateway-identity");
            assertThat(ServiceProperties.of(chart, "weft-gateway").getProperty("weft.gateway.identity.key-path"))
                    .isEqualTo("/etc/weft/fabric/identity/key.pem");
        }

        @Test
        void turns_the_automatic_chaincode_deployment_off() {
            assertThat(ServiceProperties.of(chart, "weft-lifecycle").getProperty("weft.lifecycle.auto-deploy.enabled"))
                    .isEqualTo("false");
        }
    }

    /** {@code auth.*}: the services' {@code weft.security.*} settings and the keys Secret. */
    @Nested
    class Authentication {

        @Test
        void hands_the_oidc_settings_and_the_keys_file_to_every_service() {
            RenderedChart chart = ChartRenderer.chart()
                    .values("ci/external-kafka-values.yaml")
                    .render();
            for (String service : List.of("provisioner", "lifecycle", "gateway")) {
                Properties props = ServiceProperties.of(chart, "weft-" + service);
                assertThat(props.getProperty("weft.security.enabled")).isEqualTo("true");
                assertThat(props.getProperty("weft.security.jwt.issuer"))
                        .isEqualTo("https://login.example.com/realms/weft");
                assertThat(props.getProperty("weft.security.jwt.audience")).isEqualTo("weft");
                assertThat(props.getProperty("weft.security.jwt.jwks-location"))
                        .endsWith("/protocol/openid-connect/certs");
                assertThat(props.getProperty("weft.security.jwt.roles-claim")).isEqualTo("scope");
                assertThat(props.getProperty("weft.security.api-keys.file")).isEqualTo("/etc/weft/api-keys/api-keys");
                JsonNode pod = chart.get("Deployment", "weft-" + service)
                        .path("spec")
                        .path("template")
                        .path("spec");
                JsonNode keys = DefaultValuesRenderTest.volume(pod, "api-keys").path("secret");
                assertThat(keys.path("secretName").asText()).isEqualTo("weft-keys");
                assertThat(keys.path("optional").asBoolean()).isTrue();
            }
        }

        @Test
        void makes_an_admin_key_whose_hash_is_the_keys_file_and_mounts_only_the_hashes() {
            RenderedChart chart = ChartRenderer.chart().render();
            JsonNode data = chart.get("Secret", "weft-api-keys").path("data");
            String key = decode(data.path("admin-api-key").asText());
            String keysFile = decode(data.path("api-keys").asText());

            assertThat(key).matches("weft_[A-Za-z0-9]{43}");
            assertThat(KeysFile.parse(keysFile))
                    .containsExactly(new ApiKeyEntry("admin", ApiKeys.sha256(key), Set.copyOf(Roles.ALL), false));
            assertThat(chart.get("Secret", "weft-api-keys")
                            .path("metadata")
                            .path("annotations")
                            .path("helm.sh/resource-policy")
                            .asText())
                    .isEqualTo("keep");
            for (String service : List.of("provisioner", "lifecycle", "gateway")) {
                JsonNode pod = chart.get("Deployment", "weft-" + service)
                        .path("spec")
                        .path("template")
                        .path("spec");
                JsonNode items = DefaultValuesRenderTest.volume(pod, "api-keys")
                        .path("secret")
                        .path("items");
                assertThat(items).hasSize(1);
                assertThat(items.get(0).path("key").asText()).isEqualTo("api-keys");
            }
        }

        @Test
        void makes_a_new_key_at_every_fresh_install() {
            String first = ChartRenderer.chart()
                    .render()
                    .get("Secret", "weft-api-keys")
                    .path("data")
                    .path("admin-api-key")
                    .asText();
            String second = ChartRenderer.chart()
                    .render()
                    .get("Secret", "weft-api-keys")
                    .path("data")
                    .path("admin-api-key")
                    .asText();

            assertThat(first).isNotEqualTo(second);
        }

        @Test
        void makes_no_secret_when_the_keys_come_from_a_secret_of_your_own_or_generation_is_off() {
            assertThat(ChartRenderer.chart()
                            .values("ci/external-kafka-values.yaml")
                            .render()
                            .ofKind("Secret"))
                    .isEmpty();
            assertThat(ChartRenderer.chart()
                            .set("auth.apiKeys.generateAdminKey", "false")
                            .render()
                            .ofKind("Secret"))
                    .isEmpty();
        }

        @Test
        void can_be_switched_off_and_then_mounts_and_sends_no_key() {
            RenderedChart chart =
                    ChartRenderer.chart().set("auth.enabled", "false").render();

            for (String service : List.of("provisioner", "lifecycle", "gateway")) {
                Properties props = ServiceProperties.of(chart, "weft-" + service);
                assertThat(props.getProperty("weft.security.enabled")).isEqualTo("false");
                assertThat(props).doesNotContainKey("weft.security.api-keys.file");
                assertThat(chart.get("Deployment", "weft-" + service).toString())
                        .doesNotContain("api-keys");
            }
            assertThat(chart.ofKind("Secret")).isEmpty();
        }
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }

    private static JsonNode envVar(JsonNode container, String name) {
        return StreamSupport.stream(container.path("env").spliterator(), false)
                .filter(e -> name.equals(e.path("name").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no env " + name));
    }
}
