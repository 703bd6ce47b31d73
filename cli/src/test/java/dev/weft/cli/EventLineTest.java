package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.events.ChaincodeFailed;
import dev.weft.events.CloudEvent;
import dev.weft.events.NetworkStepProgressed;
import dev.weft.events.StepStatus;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EventLineTest {

    @Test
    void shows_elapsed_time_step_status_and_detail() {
        var event = CloudEvent.of(
                URI.create("/weft/provisioner"),
                new NetworkStepProgressed("weft", "genesis", StepStatus.SUCCEEDED, "block 0 written", 41L));

        assertThat(EventLine.format(Duration.ofMillis(12_345), event))
                .isEqualTo("[  12.3s] network weft: genesis SUCCEEDED — block 0 written (41 ms)");
    }

    @Test
    void a_failure_names_step_org_peer_and_hint() {
        assertThat(EventLine.describe(
                        new ChaincodeFailed("marbles", "approve", "Org1MSP", "peer0", "timeout", "is the orderer up?")))
                .isEqualTo(
                        "chaincode marbles: FAILED at approve for Org1MSP/peer0 — timeout (hint: is the orderer up?)");
    }
}
