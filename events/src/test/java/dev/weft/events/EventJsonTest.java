package dev.weft.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventJsonTest {

    private static final URI SOURCE = URI.create("/weft/test");
    private static final Instant TIME = Instant.parse("2026-11-27T10:15:30.123Z");

    static Stream<EventType> types() {
        return Arrays.stream(EventType.values());
    }

    @Test
    void every_type_has_a_sample() {
        assertThat(Samples.all()).containsOnlyKeys(EventType.values());
    }

    @Nested
    class RoundTrip {

        @ParameterizedTest
        @MethodSource("dev.weft.events.EventJsonTest#types")
        void reads_back_what_it_wrote(EventType type) {
            CloudEvent<?> event = CloudEvent.of(SOURCE, Samples.all().get(type), "id-" + type, TIME);

            CloudEvent<?> back = EventJson.read(EventJson.write(event));

            assertThat(back).isEqualTo(event);
            assertThat(back.data()).isInstanceOf(type.dataClass());
        }

        @ParameterizedTest
        @MethodSource("dev.weft.events.EventJsonTest#types")
        void writes_the_cloudevents_attributes(EventType type) throws Exception {
            EventData data = Samples.all().get(type);
            JsonNode json = EventJson.mapper().readTree(EventJson.write(CloudEvent.of(SOURCE, data, "abc", TIME)));

            assertThat(json.get("specversion").asText()).isEqualTo("1.0");
            assertThat(json.get("id").asText()).isEqualTo("abc");
            assertThat(json.get("source").asText()).isEqualTo("/weft/test");
            assertThat(json.get("type").asText()).matches("dev\\.weft\\.[a-z]+\\.[a-z-]+\\.v1");
            assertThat(json.get("subject").asText()).isEqualTo(data.subject());
            assertThat(json.get("time").asText()).isEqualTo("2026-11-27T10:15:30.123Z");
            assertThat(json.get("datacontenttype").asText()).isEqualTo("application/json");
            assertThat(json.get("data").isObject()).isTrue();
        }
    }

    @Nested
    class Tolerance {

        @Test
        void ignores_fields_it_does_not_know() throws Exception {
            ObjectNode json = tree(new MarbleDeleted("marble1", "tx3", 7L));
            json.put("partitionkey", "x");
            ((ObjectNode) json.get("data")).put("addedInALaterRelease", true);

            CloudEvent<?> back = EventJson.read(json.toString());

            assertThat(back.data()).isEqualTo(new MarbleDeleted("marble1", "tx3", 7L));
        }

        @Test
        void accepts_missing_optional_fields() throws Exception {
            ObjectNode json = tree(new NetworkFailed("net1", "genesis", "boom", "a hint"));
            ((ObjectNode) json.get("data")).remove("hint");

            assertThat(EventJson.read(json.toString()).data())
                    .isEqualTo(new NetworkFailed("net1", "genesis", "boom", null));
        }
    }

    @Nested
    class Rejection {

        @Test
        void names_a_missing_body_field() throws Exception {
            ObjectNode json = tree(new ChaincodeCommitted("marbles", "mychannel", "1.0", 1L));
            ((ObjectNode) json.get("data")).remove("sequence");

            assertThatThrownBy(() -> EventJson.read(json.toString()))
                    .isInstanceOf(EventFormatException.class)
                    .hasMessage("dev.weft.chaincode.committed.v1: missing required field 'sequence'");
        }

        @Test
        void names_a_missing_nested_field() throws Exception {
            ObjectNode json = tree(Samples.all().get(EventType.NETWORK_READY));
            ((ObjectNode) json.get("data").get("orderers").get(0)).remove("address");

            assertThatThrownBy(() -> EventJson.read(json.toString()))
                    .isInstanceOf(EventFormatException.class)
                    .hasMessageContaining("missing required field 'orderers[].address'");
        }

        @Test
        void names_a_missing_attribute() throws Exception {
            ObjectNode json = tree(new MarbleDeleted("marble1", "tx3", 7L));
            json.remove("subject");

            assertThatThrownBy(() -> EventJson.read(json.toString()))
                    .isInstanceOf(EventFormatException.class)
                    .hasMessage("dev.weft.marbles.deleted.v1: missing required field 'subject'");
        }

        @Test
        void names_a_field_of_the_wrong_type() throws Exception {
            ObjectNode json = tree(new ChaincodeCommitted("marbles", "mychannel", "1.0", 1L));
            ((ObjectNode) json.get("data")).put("sequence", "one");

            assertThatThrownBy(() -> EventJson.read(json.toString()))
                    .isInstanceOf(EventFormatException.class)
                    .hasMessageContaining("invalid field 'sequence'");
        }

        @Test
        void rejects_an_unknown_type() throws Exception {
            ObjectNode json = tree(new MarbleDeleted("marble1", "tx3", 7L));
            json.put("type", "dev.weft.marbles.exploded.v1");

            assertThatThrownBy(() -> EventJson.read(json.toString()))
                    .isInstanceOf(EventFormatException.class)
                    .hasMessage("unknown event type 'dev.weft.marbles.exploded.v1'");
        }

        @Test
        void rejects_text_that_is_not_json() {
            assertThatThrownBy(() -> EventJson.read("{nope"))
                    .isInstanceOf(EventFormatException.class)
                    .hasMessageStartingWith("not a JSON event");
        }

        @Test
        void rejects_an_envelope_whose_type_contradicts_its_body() {
            assertThatThrownBy(() -> new CloudEvent<>(
                            "id", SOURCE, "dev.weft.network.ready.v1", "m", TIME, new MarbleDeleted("m", "tx", 1L)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("does not match");
        }
    }

    @Test
    void commands_and_events_go_to_their_topics() {
        assertThat(EventType.PROVISION_NETWORK.topic()).isEqualTo(Topics.NETWORK_COMMANDS);
        assertThat(EventType.DEPLOY_CHAINCODE.topic()).isEqualTo(Topics.CHAINCODE_COMMANDS);
        assertThat(EventType.NETWORK_READY.topic()).isEqualTo("weft.network");
        assertThat(EventType.CHAINCODE_COMMITTED.type()).isEqualTo("dev.weft.chaincode.committed.v1");
        assertThat(EventType.MARBLE_TRANSFERRED.topic()).isEqualTo("weft.marbles.events");
    }

    private static ObjectNode tree(EventData data) throws Exception {
        return (ObjectNode) EventJson.mapper().readTree(EventJson.write(CloudEvent.of(SOURCE, data, "id", TIME)));
    }
}
