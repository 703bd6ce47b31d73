package dev.weft.service.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.weft.events.CloudEvent;
import dev.weft.events.NetworkReady;
import dev.weft.events.NetworkStepProgressed;
import dev.weft.events.StepStatus;
import dev.weft.kafka.embedded.EmbeddedKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A CloudEvent written by one Quarkus channel is read back by another, through a real KRaft broker. */
@QuarkusTest
@QuarkusTestResource(EmbeddedKafkaResource.class)
class CloudEventRoundTripIT {

    private static final URI SOURCE = URI.create("/weft/test");

    @Inject
    EventProbe probe;

    @Test
    void events_arrive_in_order_keyed_by_subject_with_the_structured_content_type() {
        var progress = CloudEvent.of(
                SOURCE, new NetworkStepProgressed("net1", "genesis", StepStatus.SUCCEEDED, "block 0", 3L));
        var ready = CloudEvent.of(
                SOURCE, new NetworkReady("net1", "local", null, List.of("mychannel"), List.of(), List.of()));

        probe.send(progress).toCompletableFuture().join();
        probe.send(ready).toCompletableFuture().join();

        await().atMost(Duration.ofSeconds(60)).until(() -> probe.received().size() >= 2);
        assertThat(probe.received())
                .extracting(EventProbe.Received::key, EventProbe.Received::contentType, EventProbe.Received::event)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "net1", "application/cloudevents+json; charset=UTF-8", progress),
                        org.assertj.core.groups.Tuple.tuple(
                                "net1", "application/cloudevents+json; charset=UTF-8", ready));
    }
}
