package dev.weft.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@code docker-compose-dev/compose.yaml} cannot be run here (no container engine), so it is checked against what
 * it refers to: the Dockerfiles it builds, the settings the services declare, the env names the marbles server reads,
 * the Fabric image versions the provisioner defaults to, and its own volumes and dependencies.
 */
class ComposeConsistencyTest {

    private static final ComposeFile COMPOSE = ComposeFile.load();
    private static final List<String> WEFT_SERVICES = List.of("provisioner", "lifecycle", "gateway");

    @Test
    void runs_the_walkthrough_network_kafka_the_chaincode_servers_and_the_services() {
        assertThat(COMPOSE.serviceNames())
                .contains(
                        "kafka",
                        "crypto",
                        "ca-org1",
                        "ca-org2",
                        "orderer0",
                        "orderer1",
                        "orderer2",
                        "couchdb-org1",
                        "couchdb-org2",
                        "peer0-org1",
                        "peer0-org2",
                        "network-setup",
                        "marbles-org1",
                        "marbles-org2",
                        "provisioner",
                        "lifecycle",
                        "gateway");
    }

    @Nested
    class Builds {

        @Test
        void every_built_service_names_an_existing_dockerfile_that_exposes_its_mapped_ports() {
            for (String name : COMPOSE.serviceNames()) {
                JsonNode build = COMPOSE.service(name).path("build");
                if (build.isMissingNode()) {
                    continue;
                }
                Path dockerfile = dockerfile(name);
                assertThat(dockerfile).as("Dockerfile of %s", name).isRegularFile();
                DockerfileFacts facts = DockerfileFacts.read(dockerfile);
                assertThat(facts.exposedPorts())
                        .as("%s EXPOSEs the ports compose maps", dockerfile)
                        .containsAll(COMPOSE.containerPorts(name));
                assertThat(facts.user())
                        .as("%s runs as a non-root USER", dockerfile)
                        .isNotBlank()
                        .isNotEqualTo("root");
            }
        }

        @Test
        void weft_services_build_their_jvm_dockerfile_on_java_17_and_listen_on_8080() throws IOException {
            for (String name : WEFT_SERVICES) {
                JsonNode build = COMPOSE.service(name).path("build");
                assertThat(build.path("dockerfile").asText()).isEqualTo("src/main/docker/Dockerfile.jvm");
                DockerfileFacts facts = DockerfileFacts.read(dockerfile(name));
                assertThat(facts.from()).contains("openjdk-17");
                assertThat(facts.exposedPorts()).containsExactly(8080);
                assertThat(COMPOSE.containerPorts(name)).containsExactly(8080);
                assertThat(Files.readString(dockerfile(name)))
                        .contains("target/quarkus-app/lib/", "JAVA_OPTS_APPEND", "quarkus-run.jar");
            }
        }

        @Test
        void images_are_the_ones_the_helm_chart_installs() throws IOException {
            JsonNode values = new ObjectMapper(new YAMLFactory())
                    .readTree(RepositoryFiles.path("helm/weft/values.yaml").toFile());
            JsonNode chart = new ObjectMapper(new YAMLFactory())
                    .readTree(RepositoryFiles.path("helm/weft/Chart.yaml").toFile());
            String registry = values.path("global").path("imageRegistry").asText();
            String tag = chart.path("appVersion").asText();
            for (String name : WEFT_SERVICES) {
                String repository =
                        values.path(name).path("image").path("repository").asText();
                assertThat(COMPOSE.service(name).path("image").asText())
                        .isEqualTo(registry + "/" + repository + ":" + tag);
            }
            String marbles =
                    values.path("chaincodes").path("image").path("repository").asText();
            assertThat(COMPOSE.service("marbles-org1").path("image").asText())
                    .isEqualTo(registry + "/" + marbles + ":" + tag);
            JsonNode kafka = values.path("kafka").path("bundled").path("image");
            assertThat(COMPOSE.service("kafka").path("image").asText())
                    .isEqualTo(kafka.path("repository").asText() + ":"
                            + kafka.path("tag").asText());
        }

        private Path dockerfile(String name) {
            JsonNode build = COMPOSE.service(name).path("build");
            return ComposeFile.FOLDER
                    .resolve(build.path("context").asText("."))
                    .resolve(build.path("dockerfile").asText("Dockerfile"))
                    .normalize();
        }
    }

    @Nested
    class ServiceConfiguration {

        @Test
        void weft_environment_variables_name_settings_the_services_declare() {
            ConfigMappingSource security = ConfigMappingSource.forPrefix("weft.security");
            for (String name : WEFT_SERVICES) {
                ConfigMappingSource service = ConfigMappingSource.forPrefix("weft." + name);
                for (String env : COMPOSE.environment(name).keySet()) {
                    if (env.startsWith("WEFT_")) {
                        ConfigMappingSource mapping = env.startsWith("WEFT_SECURITY_") ? security : service;
                        assertThat(mapping.hasEnv(env))
                                .as("%s sets %s, which %s does not declare", name, env, mapping.file())
                                .isTrue();
                    }
                }
            }
        }

        @Test
        void every_service_reaches_kafka_on_its_advertised_listener() {
            String advertised = COMPOSE.environment("kafka").get("KAFKA_ADVERTISED_LISTENERS");
            for (String name : WEFT_SERVICES) {
                String bootstrap = COMPOSE.environment(name).get("KAFKA_BOOTSTRAP_SERVERS");
                assertThat(advertised).isEqualTo("PLAINTEXT://" + bootstrap);
                assertThat(COMPOSE.dependsOn(name)).containsEntry("kafka", "service_healthy");
            }
        }

        @Test
        void every_service_reads_the_same_api_keys_file() {
            for (String name : WEFT_SERVICES) {
                assertThat(COMPOSE.environment(name).get("WEFT_SECURITY_API_KEYS_FILE"))
                        .as(name)
                        .isEqualTo("/etc/weft/api-keys/api-keys")
                        .startsWith(mountTarget(name, "./config/security") + "/");
            }
        }

        @Test
        void gateway_properties_name_declared_settings_and_a_peer_of_the_compose_network() throws IOException {
            Properties props = mountedProperties("gateway");
            ConfigMappingSource mapping = ConfigMappingSource.forPrefix("weft.gateway");
            for (String key : props.stringPropertyNames()) {
                assertThat(mapping.hasKey(key))
                        .as("gateway.properties sets %s", key)
                        .isTrue();
            }
            String[] peer = props.getProperty("weft.gateway.peers[0].address").split(":");
            String peerService = serviceWithHostName(peer[0]);
            assertThat(COMPOSE.environment(peerService).get("CORE_PEER_LISTENADDRESS"))
                    .endsWith(":" + peer[1]);
            assertThat(props.getProperty("weft.gateway.identity.msp-id"))
                    .isEqualTo(COMPOSE.environment(peerService).get("CORE_PEER_LOCALMSPID"));
            assertThat(props.getProperty("weft.gateway.events.checkpoint-file"))
                    .startsWith(mountTarget("gateway", "gateway-data"));
            for (String file : List.of(
                    "weft.gateway.peers[0].tls-ca-cert",
                    "weft.gateway.identity.cert-path",
                    "weft.gateway.identity.key-path")) {
                assertThat(props.getProperty(file)).startsWith(mountTarget("gateway", "crypto") + "/");
            }
        }

        @Test
        void work_folders_lie_on_the_services_volumes() {
            assertThat(COMPOSE.environment("provisioner").get("WEFT_PROVISIONER_WORK_DIR"))
                    .startsWith(mountTarget("provisioner", "provisioner-data"));
            assertThat(COMPOSE.environment("lifecycle").get("WEFT_LIFECYCLE_WORK_DIR"))
                    .startsWith(mountTarget("lifecycle", "lifecycle-data"));
        }

        @Test
        void weft_services_are_health_checked_on_the_quarkus_health_endpoint() {
            for (String name : WEFT_SERVICES) {
                String test =
                        COMPOSE.service(name).path("healthcheck").path("test").toString();
                assertThat(test).contains("/q/health/ready");
            }
        }

        private Properties mountedProperties(String name) throws IOException {
            for (String[] mount : COMPOSE.volumes(name)) {
                if (mount[1].equals("/deployments/config/application.properties")) {
                    Properties props = new Properties();
                    props.load(new StringReader(Files.readString(ComposeFile.FOLDER.resolve(mount[0]))));
                    return props;
                }
            }
            throw new AssertionError(name + " mounts no application.properties");
        }
    }

    @Nested
    class Fabric {

        @Test
        void node_images_are_the_versions_the_provisioner_defaults_to() {
            String specSource = RepositoryFiles.read(
                    "provisioner-service/src/main/java/dev/weft/provisioner/spec/NetworkSpec.java");
            String imagesSource =
                    RepositoryFiles.read("provisioner-service/src/main/java/dev/weft/provisioner/spec/ImagesSpec.java");
            String fabric = constant(specSource, "DEFAULT_FABRIC_VERSION");
            for (String orderer : List.of("orderer0", "orderer1", "orderer2")) {
                assertThat(COMPOSE.service(orderer).path("image").asText())
                        .isEqualTo("hyperledger/fabric-orderer:" + fabric);
            }
            for (String peer : List.of("peer0-org1", "peer0-org2")) {
                assertThat(COMPOSE.service(peer).path("image").asText()).isEqualTo("hyperledger/fabric-peer:" + fabric);
            }
            for (String ca : List.of("ca-org1", "ca-org2")) {
                assertThat(COMPOSE.service(ca).path("image").asText()).isEqualTo(constant(imagesSource, "DEFAULT_CA"));
            }
            for (String couch : List.of("couchdb-org1", "couchdb-org2")) {
                assertThat(COMPOSE.service(couch).path("image").asText())
                        .isEqualTo(constant(imagesSource, "DEFAULT_COUCHDB"));
            }
            assertThat(COMPOSE.service("crypto").path("image").asText())
                    .isEqualTo("hyperledger/fabric-tools:" + fabric);
        }

        @Test
        void orderers_require_client_certificates_on_the_admin_endpoint() {
            for (String orderer : List.of("orderer0", "orderer1", "orderer2")) {
                Map<String, String> env = COMPOSE.environment(orderer);
                assertThat(env)
                        .containsEntry("ORDERER_ADMIN_TLS_ENABLED", "true")
                        .containsEntry("ORDERER_ADMIN_TLS_CLIENTAUTHREQUIRED", "true")
                        .containsEntry("ORDERER_GENERAL_BOOTSTRAPMETHOD", "none")
                        .containsEntry("ORDERER_CHANNELPARTICIPATION_ENABLED", "true");
                assertThat(env.get("ORDERER_GENERAL_LOCALMSPDIR")).contains("/" + orderer + ".example.com/");
                assertThat(COMPOSE.hostNames(orderer)).contains(orderer + ".example.com");
            }
        }

        @Test
        void peers_use_their_own_couchdb() {
            for (String org : List.of("org1", "org2")) {
                Map<String, String> env = COMPOSE.environment("peer0-" + org);
                assertThat(env).containsEntry("CORE_LEDGER_STATE_STATEDATABASE", "CouchDB");
                String couch = env.get("CORE_LEDGER_STATE_COUCHDBCONFIG_COUCHDBADDRESS")
                        .split(":")[0];
                assertThat(couch).isEqualTo("couchdb-" + org);
                assertThat(COMPOSE.dependsOn("peer0-" + org)).containsEntry(couch, "service_healthy");
                assertThat(env.get("CORE_LEDGER_STATE_COUCHDBCONFIG_PASSWORD"))
                        .isEqualTo(COMPOSE.environment(couch).get("COUCHDB_PASSWORD"));
            }
        }

        @Test
        void each_orgs_package_dials_its_marbles_server_with_mutual_tls() throws IOException {
            String script = Files.readString(ComposeFile.FOLDER.resolve("fabric/package-marbles.sh"));
            assertThat(script).contains("\"tls_required\": true").contains("\"client_auth_required\": true");
            Matcher address = Pattern.compile("\"address\": \"([^:]+):(\\d+)\"").matcher(script);
            assertThat(address.find())
                    .as("package-marbles.sh writes an address")
                    .isTrue();
            for (String org : List.of("org1", "org2")) {
                String host = address.group(1).replace("org$org", org);
                assertThat(COMPOSE.serviceNames()).contains(host);
                assertThat(COMPOSE.environment(host).get("CHAINCODE_SERVER_ADDRESS"))
                        .endsWith(":" + address.group(2));
            }
        }

        @Test
        void marbles_servers_require_client_certificates_from_their_orgs_tls_ca() throws IOException {
            String cryptoConfig = Files.readString(ComposeFile.FOLDER.resolve("fabric/crypto-config.yaml"));
            for (String org : List.of("org1", "org2")) {
                Map<String, String> env = COMPOSE.environment("marbles-" + org);
                String node = "/crypto/peerOrganizations/" + org + ".example.com/peers/marbles." + org + ".example.com";
                assertThat(env)
                        .containsEntry("CHAINCODE_TLS_CERT_FILE", node + "/tls/server.crt")
                        .containsEntry("CHAINCODE_TLS_KEY_FILE", node + "/tls/server.key")
                        .containsEntry(
                                "CHAINCODE_TLS_CLIENT_CA_FILE",
                                "/crypto/peerOrganizations/" + org + ".example.com/tlsca/tlsca." + org
                                        + ".example.com-cert.pem");
                assertThat(mountTarget("marbles-" + org, "crypto")).isEqualTo("/crypto");
                assertThat(cryptoConfig)
                        .as("cryptogen issues the server certificate under the name the peer dials")
                        .contains("SANS: [marbles-" + org + "]");
            }
        }

        @Test
        void marbles_servers_set_only_variables_the_server_reads_and_start_as_the_image_does() {
            String serverConfig = RepositoryFiles.read(
                    "chaincode-marbles/src/main/java/dev/weft/chaincode/marbles/server/ServerConfig.java");
            DockerfileFacts image = DockerfileFacts.read(RepositoryFiles.path("chaincode-marbles/Dockerfile"));
            String imageCommand = String.join(
                    " ", image.entrypoint().replaceAll("[\\[\\]\"]", "").split(",\\s*"));
            for (String name : List.of("marbles-org1", "marbles-org2")) {
                for (String env : COMPOSE.environment(name).keySet()) {
                    assertThat(serverConfig).as("%s sets %s", name, env).contains("\"" + env + "\"");
                }
                String entrypoint =
                        COMPOSE.service(name).path("entrypoint").get(2).asText();
                assertThat(serverConfig).contains("\"CHAINCODE_ID\"");
                assertThat(entrypoint).contains("export CHAINCODE_ID=").endsWith("exec " + imageCommand);
                assertThat(COMPOSE.dependsOn(name)).containsEntry("network-setup", "service_completed_successfully");
            }
        }

        @Test
        void setup_scripts_are_mounted_where_the_one_shot_services_run_them() {
            for (String name : List.of("crypto", "network-setup")) {
                String script = COMPOSE.service(name).path("command").get(1).asText();
                assertThat(script).startsWith(mountTarget(name, "./fabric") + "/");
                assertThat(ComposeFile.FOLDER
                                .resolve("fabric")
                                .resolve(Path.of(script).getFileName()))
                        .isRegularFile();
            }
        }
    }

    @Nested
    class Wiring {

        @Test
        void every_dependency_exists_and_health_conditions_point_at_health_checked_services() {
            for (String name : COMPOSE.serviceNames()) {
                for (Map.Entry<String, String> dep : COMPOSE.dependsOn(name).entrySet()) {
                    assertThat(COMPOSE.serviceNames()).as("%s depends on", name).contains(dep.getKey());
                    JsonNode target = COMPOSE.service(dep.getKey());
                    switch (dep.getValue()) {
                        case "service_healthy" ->
                            assertThat(target.has("healthcheck"))
                                    .as("%s waits for %s to be healthy", name, dep.getKey())
                                    .isTrue();
                        case "service_completed_successfully" ->
                            assertThat(target.has("command"))
                                    .as("%s waits for the one-shot %s", name, dep.getKey())
                                    .isTrue();
                        default -> assertThat(dep.getValue()).isEqualTo("service_started");
                    }
                }
            }
        }

        @Test
        void every_long_running_service_has_a_healthcheck() {
            for (String name : COMPOSE.serviceNames()) {
                if (List.of("crypto", "network-setup").contains(name)) {
                    continue;
                }
                assertThat(COMPOSE.service(name).has("healthcheck")).as(name).isTrue();
            }
        }

        @Test
        void named_volumes_are_declared_and_bind_mounts_exist() {
            for (String name : COMPOSE.serviceNames()) {
                for (String[] mount : COMPOSE.volumes(name)) {
                    if (mount[0].startsWith(".")) {
                        assertThat(ComposeFile.FOLDER.resolve(mount[0]))
                                .as("%s mounts", name)
                                .exists();
                    } else {
                        assertThat(COMPOSE.declaredVolumes())
                                .as("%s mounts", name)
                                .contains(mount[0]);
                    }
                }
            }
        }
    }

    private static String mountTarget(String service, String source) {
        return COMPOSE.volumes(service).stream()
                .filter(m -> m[0].equals(source))
                .map(m -> m[1])
                .findFirst()
                .orElseThrow(() -> new AssertionError(service + " does not mount " + source));
    }

    private static String serviceWithHostName(String host) {
        return COMPOSE.serviceNames().stream()
                .filter(s -> COMPOSE.hostNames(s).contains(host))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no service answers to " + host));
    }

    private static String constant(String source, String name) {
        Matcher m = Pattern.compile(name + "\\s*=\\s*\"([^\"]+)\"").matcher(source);
        if (!m.find()) {
            throw new AssertionError("no constant " + name);
        }
        return m.group(1);
    }
}
