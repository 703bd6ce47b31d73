package dev.weft.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.e2e.Suite.Api;
import dev.weft.events.ChaincodeApproved;
import dev.weft.events.ChaincodeCommitted;
import dev.weft.events.ChaincodeInstalled;
import dev.weft.events.ChaincodeUpgraded;
import dev.weft.events.CloudEvent;
import dev.weft.events.MarbleCreated;
import dev.weft.events.NetworkStepProgressed;
import dev.weft.events.StepStatus;
import dev.weft.events.Topics;
import dev.weft.testing.RequiresFabricBinaries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Faults an operator meets, caused the way they happen: a process stops. Each test stops one part of the running
 * suite, checks what clients see meanwhile, brings the part back with what the product offers (its own supervision,
 * or {@code ./weft up}, which resumes) and leaves the suite healthy for the next.
 */
@RequiresFabricBinaries
@ExtendWith(SharedSuite.class)
@Order(4) // last: every test here disturbs the suite
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsE2eIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration UP = Duration.ofMinutes(10);
    /** Marbles this class created with a 201: each must appear exactly once on weft.marbles.events. */
    private static final Set<String> CREATED = new HashSet<>();

    private final Suite suite = SharedSuite.suite();

    @Test
    @Order(1)
    void transactions_continue_while_one_of_three_orderers_is_stopped() throws Exception {
        Summary.Step step = Summary.start("stop orderer0 under 2 clients; ./weft up brings it back");
        ProcessHandle orderer = suite.node("orderer0");

        ClientLoad load = ClientLoad.start(suite, "orderer", 2);
        try {
            load.awaitSuccessesAfter(System.nanoTime() - Duration.ofMinutes(1).toNanos(), 1, Duration.ofMinutes(2));
            Suite.stop(orderer);
            load.awaitSuccessesAfter(System.nanoTime(), 3, Duration.ofMinutes(3));
        } finally {
            load.close();
            CREATED.addAll(load.created());
        }
        assertThat(load.failures()).allSatisfy(call -> assertThat(call.status()).isIn(502, 503, 504));

        Set<String> before = ids(Topics.NETWORK);
        suite.weft("up", UP);
        Suite.await("orderer0 runs again", Duration.ofMinutes(3), () -> alive(() -> suite.node("orderer0")));
        awaitNetworkReady();
        Map<String, StepStatus> steps = lastRun(before);
        assertThat(steps).containsEntry("runtime-apply", StepStatus.SUCCEEDED);
        assertThat(steps)
                .as("the re-run only restarts the missing node")
                .containsEntry("crypto", StepStatus.SKIPPED)
                .containsEntry("genesis", StepStatus.SKIPPED)
                .containsEntry("peers-join", StepStatus.SKIPPED);
        // A restarted orderer may answer the channel list before it has loaded its ledgers; the step then asks it to
        // join, the orderer answers that it has the channel, and the step counts that as done. Both are harmless.
        assertThat(steps.get("orderers-join")).isIn(StepStatus.SKIPPED, StepStatus.SUCCEEDED);
        assertThat(suite.node("orderer0").pid()).isNotEqualTo(orderer.pid());
        awaitServed("orderer-back");
        step.done(load.describe() + "; network re-run: " + steps);
    }

    @Test
    @Order(2)
    void a_stopped_chaincode_server_gives_clean_answers_and_is_started_again() throws Exception {
        Summary.Step step = Summary.start("stop org1's marbles server; the lifecycle service starts it again");
        long sequence = chaincode().get("committedSequence").asLong();
        ProcessHandle server = suite.chaincodeServer("marbles", "org1");
        Set<String> before = ids(Topics.CHAINCODE);

        Suite.stop(server);
        long stopped = System.nanoTime();
        List<HttpResponse<String>> failures = new ArrayList<>();
        long longestCall = 0;
        int calls = 0;
        // Writes need both orgs' endorsements (reads fail over to org2's peer): create until one succeeds again.
        while (true) {
            String name = "ccserver-" + calls;
            long start = System.nanoTime();
            HttpResponse<String> create = suite.send(
                    Api.GATEWAY,
                    "POST",
                    "/api/v1/marbles",
                    "{\"name\":\"" + name + "\",\"color\":\"red\",\"size\":7,\"owner\":\"e2e\"}");
            longestCall = Math.max(longestCall, System.nanoTime() - start);
            calls++;
            if (create.statusCode() == 201) {
                CREATED.add(name);
                break;
            }
            failures.add(create);
            assertThat(System.nanoTime() - stopped)
                    .as("served again within 3 minutes")
                    .isLessThan(Duration.ofMinutes(3).toNanos());
            Thread.sleep(250); // a client retrying, not a tight loop on two shared cores
        }
        double outage = (System.nanoTime() - stopped) / 1e9;
        assertThat(failures).allSatisfy(response -> {
            assertThat(response.statusCode()).as(response.body()).isIn(502, 503, 504);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        });
        assertThat(Duration.ofNanos(longestCall)).as("no call hangs").isLessThan(Duration.ofSeconds(60));
        assertThat(suite.chaincodeServer("marbles", "org1").pid()).isNotEqualTo(server.pid());
        awaitServed("server-back");

        assertThat(chaincode().get("committedSequence").asLong()).isEqualTo(sequence);
        List<CloudEvent<?>> events = newEvents(Topics.CHAINCODE, before);
        assertThat(Topic.data(events, ChaincodeUpgraded.class)).isEmpty();
        assertThat(Topic.data(events, ChaincodeInstalled.class)).allMatch(ChaincodeInstalled::alreadyInstalled);
        step.done(calls + " creates, " + failures.size() + " failed "
                + failures.stream()
                        .map(HttpResponse::statusCode)
                        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
                + ", served again after " + String.format("%.1f s", outage) + ", longest call "
                + String.format("%.1f s", longestCall / 1e9) + ", sequence still " + sequence);
    }

    @Test
    @Order(3)
    void a_kafka_restart_loses_and_duplicates_no_marbles_event() throws Exception {
        Summary.Step step = Summary.start("stop Kafka, create 3 marbles, ./weft up restarts it");
        create("kafka-before");
        Suite.stop(suite.part("kafka"));
        create("kafka-down-1");
        create("kafka-down-2");

        suite.weft("up", UP);
        create("kafka-after");

        String result = assertEveryCreateOnKafkaExactlyOnce();
        step.done(result);
    }

    @Test
    @Order(4)
    void a_restarted_gateway_publishes_what_it_had_not_published_exactly_once() throws Exception {
        Summary.Step step = Summary.start(
                "stop Kafka, create 2 marbles, stop the gateway; ./weft up: the new gateway publishes them");
        Suite.stop(suite.part("kafka"));
        create("gateway-pending-1");
        create("gateway-pending-2");
        Suite.stop(suite.part("gateway-api"));

        suite.weft("up", UP);
        create("gateway-after");

        String result = assertEveryCreateOnKafkaExactlyOnce();
        step.done(result);
    }

    @Test
    @Order(5)
    void a_restarted_lifecycle_service_adopts_its_servers_and_commits_nothing_twice() throws Exception {
        Summary.Step step = Summary.start("stop the lifecycle service; ./weft up resumes it");
        long sequence = chaincode().get("committedSequence").asLong();
        long server = suite.chaincodeServer("marbles", "org1").pid();
        Set<String> before = ids(Topics.CHAINCODE);

        Suite.stop(suite.part("lifecycle-service"));
        suite.weft("up", UP);
        Suite.await("the lifecycle service is ready", Duration.ofMinutes(3), () -> suite.ready(Api.LIFECYCLE));
        awaitServed("lifecycle-back");

        JsonNode status = chaincode();
        assertThat(status.get("phase").asText()).isEqualTo("READY");
        assertThat(status.get("committedSequence").asLong()).isEqualTo(sequence);
        assertThat(suite.chaincodeServer("marbles", "org1").pid())
                .as("the running server is adopted")
                .isEqualTo(server);
        List<CloudEvent<?>> events = newEvents(Topics.CHAINCODE, before);
        assertThat(Topic.data(events, ChaincodeApproved.class)).isEmpty();
        assertThat(Topic.data(events, ChaincodeCommitted.class)).isEmpty();
        step.done("sequence still " + sequence + ", server pid " + server + " adopted, " + events.size()
                + " new weft.chaincode events");
    }

    @Test
    @Order(6)
    void a_restarted_provisioner_adopts_the_running_network_and_provisions_nothing_twice() throws Exception {
        Summary.Step step = Summary.start("stop the provisioner; ./weft up resumes it");
        Map<String, Long> nodes = new LinkedHashMap<>();
        for (String node : List.of("orderer0", "orderer1", "orderer2", "org1-peer0", "org2-peer0")) {
            nodes.put(node, suite.node(node).pid());
        }
        Set<String> network = ids(Topics.NETWORK);
        Set<String> chaincode = ids(Topics.CHAINCODE);

        Suite.stop(suite.part("provisioner-service"));
        suite.weft("up", UP);
        awaitNetworkReady();
        awaitServed("provisioner-back");

        Map<String, StepStatus> steps = lastRun(network);
        assertThat(steps)
                .isNotEmpty()
                .allSatisfy((name, outcome) -> assertThat(outcome).as(name).isEqualTo(StepStatus.SKIPPED));
        for (Map.Entry<String, Long> node : nodes.entrySet()) {
            assertThat(suite.node(node.getKey()).pid())
                    .as(node.getKey() + " adopted")
                    .isEqualTo(node.getValue());
        }
        assertThat(newEvents(Topics.CHAINCODE, chaincode))
                .as("a re-announced network deploys nothing again")
                .isEmpty();
        step.done("every step SKIPPED " + steps.keySet() + ", " + nodes.size() + " nodes adopted");
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private void create(String name) throws IOException {
        Suite.await("marble " + name + " created", Duration.ofMinutes(3), () -> {
            try {
                HttpResponse<String> response = suite.send(
                        Api.GATEWAY,
                        "POST",
                        "/api/v1/marbles",
                        "{\"name\":\"" + name + "\",\"color\":\"red\",\"size\":7,\"owner\":\"e2e\"}");
                if (response.statusCode() == 201 || response.statusCode() == 409) {
                    CREATED.add(name);
                    return true;
                }
                assertThat(response.statusCode()).as(response.body()).isIn(502, 503, 504);
                return false;
            } catch (IOException e) {
                return false;
            }
        });
    }

    /** Creates and reads a marble: the suite serves clients again. */
    private void awaitServed(String name) throws IOException {
        create(name);
        assertThat(suite.send(Api.GATEWAY, "GET", "/api/v1/marbles/" + name, null)
                        .statusCode())
                .isEqualTo(200);
    }

    private String assertEveryCreateOnKafkaExactlyOnce() {
        List<CloudEvent<?>> events = Topic.read(
                suite,
                Topics.MARBLES_EVENTS,
                all -> Topic.data(all, MarbleCreated.class).stream()
                        .map(MarbleCreated::name)
                        .collect(Collectors.toSet())
                        .containsAll(CREATED),
                Duration.ofMinutes(3));
        Map<String, Long> createdEvents = Topic.data(events, MarbleCreated.class).stream()
                .collect(Collectors.groupingBy(MarbleCreated::name, Collectors.counting()));
        List<String> ids = events.stream().map(CloudEvent::id).toList();

        assertThat(ids).as("event ids on weft.marbles.events").doesNotHaveDuplicates();
        assertThat(createdEvents)
                .as("MarbleCreated per marble")
                .containsKeys(CREATED.toArray(String[]::new))
                .allSatisfy((name, count) -> assertThat(count).as(name).isEqualTo(1L));
        return events.size() + " events on weft.marbles.events, " + CREATED.size()
                + " marbles created here each seen once, no duplicate id";
    }

    private void awaitNetworkReady() {
        Suite.await("network weft READY", Duration.ofMinutes(5), () -> {
            try {
                HttpResponse<String> response = suite.send(Api.PROVISIONER, "GET", "/api/v1/networks/weft", null);
                return response.statusCode() == 200
                        && "READY"
                                .equals(JSON.readTree(response.body())
                                        .path("phase")
                                        .asText());
            } catch (IOException e) {
                return false;
            }
        });
    }

    /** The outcome of each step in the network runs since {@code before} (the last outcome of each step wins). */
    private Map<String, StepStatus> lastRun(Set<String> before) {
        Map<String, StepStatus> steps = new LinkedHashMap<>();
        for (NetworkStepProgressed progress :
                Topic.data(newEvents(Topics.NETWORK, before), NetworkStepProgressed.class)) {
            if (progress.status() != StepStatus.STARTED) {
                steps.put(progress.step(), progress.status());
            }
        }
        return steps;
    }

    private JsonNode chaincode() {
        try {
            return JSON.readTree(suite.send(Api.LIFECYCLE, "GET", "/api/v1/chaincodes/marbles", null)
                    .body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Set<String> ids(String topic) {
        return Topic.read(suite, topic, e -> !e.isEmpty(), Duration.ofSeconds(30)).stream()
                .map(CloudEvent::id)
                .collect(Collectors.toSet());
    }

    private List<CloudEvent<?>> newEvents(String topic, Set<String> before) {
        return Topic.read(suite, topic, e -> e.size() > before.size(), Duration.ofSeconds(20)).stream()
                .filter(e -> !before.contains(e.id()))
                .toList();
    }

    private interface Lookup {
        ProcessHandle get() throws IOException;
    }

    private static boolean alive(Lookup lookup) {
        try {
            return lookup.get().isAlive();
        } catch (IOException | AssertionError e) {
            return false;
        }
    }
}
