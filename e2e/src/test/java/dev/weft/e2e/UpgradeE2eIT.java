package dev.weft.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.e2e.Suite.Api;
import dev.weft.events.ChaincodeUpgraded;
import dev.weft.events.Topics;
import dev.weft.testing.RequiresFabricBinaries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Upgrading marbles through the lifecycle service's REST API while clients keep creating and reading marbles through
 * the gateway: the new servers start next to the old ones, so the switch to the new definition costs the clients
 * at most a short failing window, and afterwards the channel runs the next sequence.
 */
@RequiresFabricBinaries
@ExtendWith(SharedSuite.class)
@Order(3)
class UpgradeE2eIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Longest a client may go without a successful call while the peers switch to the new package. */
    static final Duration SWITCH_ALLOWANCE = Duration.ofSeconds(15);

    private final Suite suite = SharedSuite.suite();

    @Test
    void clients_keep_being_served_while_marbles_is_upgraded_to_the_next_sequence() throws Exception {
        Summary.Step step = Summary.start("upgrade marbles 1.0 → 1.1 under 3 clients (create + read)");
        JsonNode before = chaincode();
        long sequence = before.get("committedSequence").asLong();

        ClientLoad load = ClientLoad.start(suite, "upgrade", 3);
        try {
            load.awaitSuccessesAfter(System.nanoTime() - Duration.ofMinutes(1).toNanos(), 2, Duration.ofMinutes(2));
            HttpResponse<String> upgrade =
                    suite.send(Api.LIFECYCLE, "POST", "/api/v1/chaincodes/marbles/upgrade", "{\"version\":\"1.1\"}");
            assertThat(upgrade.statusCode()).as(upgrade.body()).isEqualTo(202);

            Suite.await(
                    "marbles READY at sequence " + (sequence + 1),
                    Duration.ofMinutes(5),
                    () -> "READY".equals(chaincode().path("phase").asText())
                            && chaincode().path("committedSequence").asLong() == sequence + 1);
            // Served on the new definition by every client, not just ahead of the switch.
            load.awaitSuccessesAfter(System.nanoTime(), 3, Duration.ofMinutes(2));
        } finally {
            load.close();
        }

        JsonNode after = chaincode();
        assertThat(after.get("version").asText()).isEqualTo("1.1");
        assertThat(after.get("committedSequence").asLong()).isEqualTo(sequence + 1);
        List<ChaincodeUpgraded> upgrades = Topic.data(
                Topic.read(
                        suite,
                        Topics.CHAINCODE,
                        events -> !Topic.data(events, ChaincodeUpgraded.class).isEmpty(),
                        Duration.ofSeconds(60)),
                ChaincodeUpgraded.class);
        assertThat(upgrades).singleElement().satisfies(u -> {
            assertThat(u.fromSequence()).isEqualTo(sequence);
            assertThat(u.toSequence()).isEqualTo(sequence + 1);
            assertThat(u.toVersion()).isEqualTo("1.1");
        });
        // Transactions endorsed against the old definition and ordered after the new one are invalidated with
        // MVCC_READ_CONFLICT (every invocation reads the definition): a clean 409 read-conflict asking to retry.
        assertThat(load.failures())
                .as("failed calls during the upgrade must be clean problem answers, not 500s")
                .allSatisfy(call -> {
                    assertThat(call.status()).isIn(409, 502, 503, 504);
                    if (call.status() == 409) {
                        assertThat(call.body()).contains("read-conflict");
                    }
                });
        assertThat(load.longestFailingWindow()).as(load.describe()).isLessThanOrEqualTo(SWITCH_ALLOWANCE);
        HttpResponse<String> old = suite.send(Api.GATEWAY, "GET", "/api/v1/marbles/marble2", null);
        assertThat(old.statusCode()).as("a marble from before the upgrade").isEqualTo(200);
        step.done("sequence " + sequence + " → " + (sequence + 1) + " (ChaincodeUpgraded on weft.chaincode); "
                + load.describe());
    }

    private JsonNode chaincode() {
        try {
            HttpResponse<String> response = suite.send(Api.LIFECYCLE, "GET", "/api/v1/chaincodes/marbles", null);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
