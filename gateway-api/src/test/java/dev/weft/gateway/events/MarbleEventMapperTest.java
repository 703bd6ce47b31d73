package dev.weft.gateway.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.events.CloudEvent;
import dev.weft.events.MarbleCreated;
import dev.weft.events.MarbleDeleted;
import dev.weft.events.MarbleTransferred;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The chaincode's event payloads (see chaincode-marbles MarbleEvents) to Weft CloudEvents. */
class MarbleEventMapperTest {

    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

    private static List<CloudEvent<?>> map(String name, String json) {
        return MarbleEventMapper.map(new LedgerEvent(7, "tx1", name, json.getBytes(StandardCharsets.UTF_8)), NOW);
    }

    @Test
    void created_carries_the_marble_and_its_ledger_position() {
        List<CloudEvent<?>> events = map(
                "MarbleCreated",
                "{\"docType\":\"marble\",\"name\":\"m1\",\"color\":\"blue\",\"size\":35,\"owner\":\"tom\"}");
        assertThat(events).hasSize(1);
        CloudEvent<?> event = events.get(0);
        assertThat(event.id()).isEqualTo("tx1-0");
        assertThat(event.subject()).isEqualTo("m1");
        assertThat(event.type()).isEqualTo("dev.weft.marbles.created.v1");
        assertThat(event.data()).isEqualTo(new MarbleCreated("m1", "blue", 35, "tom", "tx1", 7L));
    }

    @Test
    void transferred_and_deleted_map_one_to_one() {
        assertThat(map("MarbleTransferred", "{\"name\":\"m1\",\"owner\":\"jerry\",\"previousOwner\":\"tom\"}"))
                .extracting(e -> (Object) e.data())
                .containsExactly(new MarbleTransferred("m1", "jerry", "tx1", 7L));
        assertThat(map("MarbleDeleted", "{\"name\":\"m1\",\"owner\":\"jerry\"}"))
                .extracting(e -> (Object) e.data())
                .containsExactly(new MarbleDeleted("m1", "tx1", 7L));
    }

    @Test
    void a_colour_transfer_becomes_one_event_per_marble_with_indexed_ids() {
        List<CloudEvent<?>> events = map(
                "MarblesTransferred",
                "{\"color\":\"blue\",\"owner\":\"jerry\",\"count\":2,\"marbles\":["
                        + "{\"name\":\"m1\",\"owner\":\"jerry\",\"previousOwner\":\"tom\"},"
                        + "{\"name\":\"m2\",\"owner\":\"jerry\",\"previousOwner\":\"ann\"}]}");
        assertThat(events).extracting(CloudEvent::id).containsExactly("tx1-0", "tx1-1");
        assertThat(events).extracting(CloudEvent::subject).containsExactly("m1", "m2");
    }

    @Test
    void unknown_events_and_unreadable_payloads_are_not_published() {
        assertThat(map("SomethingElse", "{}")).isEmpty();
        assertThat(map("MarbleCreated", "not json")).isEmpty();
    }
}
