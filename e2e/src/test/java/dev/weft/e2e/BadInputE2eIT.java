package dev.weft.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.e2e.Suite.Api;
import dev.weft.events.CloudEvent;
import dev.weft.events.Topics;
import dev.weft.testing.RequiresFabricBinaries;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bad input at the provisioner's and the lifecycle service's REST APIs, end to end: each answer is an RFC 9457
 * problem naming the field at fault, and nothing is left behind (no network folder, no status, no event).
 */
@RequiresFabricBinaries
@ExtendWith(SharedSuite.class)
@Order(2)
class BadInputE2eIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Suite suite = SharedSuite.suite();

    @Test
    void the_provisioner_names_the_field_at_fault_and_provisions_nothing() throws Exception {
        Summary.Step step = Summary.start("provisioner: malformed JSON / YAML, unknown org, invalid field → 400");
        List<String> fields = new ArrayList<>();

        HttpResponse<String> json = suite.send(Api.PROVISIONER, "POST", "/api/v1/networks", "{\"name\":\"e2e-json\",");
        assertProblem(json, 400);

        HttpResponse<String> yaml = suite.send(
                Api.PROVISIONER, "POST", "/api/v1/networks", "application/yaml", "name: e2e-yaml\npeerOrgs: [\n");
        assertProblem(yaml, 400);

        HttpResponse<String> unknownOrg = suite.send(
                Api.PROVISIONER,
                "POST",
                "/api/v1/networks",
                "{\"name\":\"e2e-unknown-org\",\"channels\":[{\"name\":\"mychannel\",\"orgs\":[\"org1\",\"org9\"]}]}");
        fields.addAll(assertProblemNaming(unknownOrg, "channels[0].orgs[1]"));

        HttpResponse<String> invalid = suite.send(
                Api.PROVISIONER,
                "POST",
                "/api/v1/networks",
                "{\"name\":\"e2e-invalid\",\"ordererOrg\":{\"orderers\":0}}");
        fields.addAll(assertProblemNaming(invalid, "ordererOrg.orderers"));

        HttpResponse<String> unknownField = suite.send(
                Api.PROVISIONER, "POST", "/api/v1/networks", "{\"name\":\"e2e-unknown-field\",\"peerOrgz\":[]}");
        fields.addAll(assertProblemNaming(unknownField, "peerOrgz"));

        for (String network : List.of("e2e-json", "e2e-yaml", "e2e-unknown-org", "e2e-invalid", "e2e-unknown-field")) {
            assertThat(suite.send(Api.PROVISIONER, "GET", "/api/v1/networks/" + network, null)
                            .statusCode())
                    .as("status of " + network)
                    .isEqualTo(404);
            assertThat(suite.workDir().resolve("provisioner").resolve(network))
                    .as("folder of " + network)
                    .satisfies(folder -> assertThat(Files.exists(folder)).isFalse());
        }
        assertThat(subjects(Topics.NETWORK)).containsOnly("weft");
        step.done("fields named: " + fields + "; no folder, status or event");
    }

    @Test
    void the_lifecycle_service_names_the_field_at_fault_and_deploys_nothing() throws Exception {
        Summary.Step step = Summary.start(
                "lifecycle: invalid spec, unknown org, unknown chaincode, upgrade without version → 400/404");
        List<String> fields = new ArrayList<>();

        HttpResponse<String> invalid = suite.send(
                Api.LIFECYCLE,
                "POST",
                "/api/v1/chaincodes",
                "{\"name\":\"e2e-invalid\",\"version\":\"1.0\",\"network\":\"weft\",\"replicas\":99}");
        fields.addAll(assertProblemNaming(invalid, "replicas"));

        HttpResponse<String> noNetwork = suite.send(
                Api.LIFECYCLE, "POST", "/api/v1/chaincodes", "{\"name\":\"e2e-no-network\",\"version\":\"1.0\"}");
        fields.addAll(assertProblemNaming(noNetwork, "network"));

        HttpResponse<String> unknownOrg = suite.send(
                Api.LIFECYCLE,
                "POST",
                "/api/v1/chaincodes",
                "{\"name\":\"e2e-unknown-org\",\"version\":\"1.0\",\"network\":\"weft\","
                        + "\"organizations\":[\"Org1MSP\",\"Org9MSP\"]}");
        fields.addAll(assertProblemNaming(unknownOrg, "organizations[1]"));

        HttpResponse<String> unknownChannel = suite.send(
                Api.LIFECYCLE,
                "POST",
                "/api/v1/chaincodes",
                "{\"name\":\"e2e-unknown-channel\",\"version\":\"1.0\",\"network\":\"weft\",\"channel\":\"nochannel\"}");
        fields.addAll(assertProblemNaming(unknownChannel, "channel"));

        HttpResponse<String> upgradeUnknown =
                suite.send(Api.LIFECYCLE, "POST", "/api/v1/chaincodes/e2e-nope/upgrade", "{\"version\":\"2.0\"}");
        assertProblem(upgradeUnknown, 404);

        HttpResponse<String> noVersion = suite.send(Api.LIFECYCLE, "POST", "/api/v1/chaincodes/marbles/upgrade", "{}");
        fields.addAll(assertProblemNaming(noVersion, "version"));

        for (String chaincode : List.of("e2e-invalid", "e2e-no-network", "e2e-unknown-org", "e2e-unknown-channel")) {
            assertThat(suite.send(Api.LIFECYCLE, "GET", "/api/v1/chaincodes/" + chaincode, null)
                            .statusCode())
                    .as("status of " + chaincode)
                    .isEqualTo(404);
        }
        assertThat(subjects(Topics.CHAINCODE)).containsOnly("marbles");
        JsonNode marbles = JSON.readTree(suite.send(Api.LIFECYCLE, "GET", "/api/v1/chaincodes/marbles", null)
                .body());
        assertThat(marbles.get("committedSequence").asLong()).isEqualTo(1);
        step.done("fields named: " + fields + "; no status or event, marbles still at sequence 1");
    }

    private Set<String> subjects(String topic) {
        List<CloudEvent<?>> events = Topic.read(suite, topic, e -> !e.isEmpty(), Duration.ofSeconds(30));
        return events.stream().map(CloudEvent::subject).collect(Collectors.toSet());
    }

    private static JsonNode assertProblem(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse(""))
                .as(response.body())
                .startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.hasNonNull("title")).isTrue();
        return problem;
    }

    private static List<String> assertProblemNaming(HttpResponse<String> response, String field) throws Exception {
        JsonNode problem = assertProblem(response, 400);
        List<String> named = new ArrayList<>();
        problem.path("errors").forEach(e -> named.add(e.path("field").asText()));
        assertThat(named).as(response.body()).contains(field);
        return named;
    }
}
