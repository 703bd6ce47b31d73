package dev.weft.gateway.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.weft.events.CloudEvent;
import dev.weft.events.MarbleCreated;
import dev.weft.events.MarbleDeleted;
import dev.weft.events.MarbleTransferred;
import dev.weft.gateway.grpc.v1.MarbleEvent;
import dev.weft.gateway.marbles.MarblePage;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class GrpcMessagesTest {

    private static final URI SOURCE = URI.create("/weft/gateway");
    private static final Instant TIME = Instant.parse("2026-01-02T03:04:05.678Z");

    private static Value number(double n) {
        return Value.newBuilder().setNumberValue(n).build();
    }

    private static Value text(String s) {
        return Value.newBuilder().setStringValue(s).build();
    }

    @Test
    void a_selector_struct_becomes_json_with_whole_numbers_written_as_integers() {
        Struct selector = Struct.newBuilder()
                .putFields("owner", text("tom"))
                .putFields("size", number(35))
                .putFields("ratio", number(0.5))
                .putFields(
                        "tags",
                        Value.newBuilder()
                                .setListValue(ListValue.newBuilder()
                                        .addValues(text("a"))
                                        .addValues(Value.newBuilder().setBoolValue(true))
                                        .addValues(Value.newBuilder().setNullValue(NullValue.NULL_VALUE)))
                                .build())
                .putFields(
                        "size2",
                        Value.newBuilder()
                                .setStructValue(Struct.newBuilder().putFields("$gt", number(3)))
                                .build())
                .build();

        JsonNode json = GrpcMessages.json(selector);

        assertThat(json.get("owner").asText()).isEqualTo("tom");
        assertThat(json.get("size").toString()).isEqualTo("35");
        assertThat(json.get("ratio").toString()).isEqualTo("0.5");
        assertThat(json.get("tags").toString()).isEqualTo("[\"a\",true,null]");
        assertThat(json.get("size2").toString()).isEqualTo("{\"$gt\":3}");
    }

    @Test
    void numbers_beyond_exact_doubles_keep_their_double_form() {
        JsonNode json = GrpcMessages.json(
                Struct.newBuilder().putFields("big", number(1e300)).build());

        assertThat(json.get("big").isDouble()).isTrue();
    }

    @Test
    void an_unpaged_list_has_neither_bookmark_nor_count() {
        var list = GrpcMessages.list(MarblePage.of(List.of()));

        assertThat(list.hasBookmark()).isFalse();
        assertThat(list.hasFetchedRecordsCount()).isFalse();
    }

    @Test
    void a_created_event_keeps_the_envelope_and_types_the_body() {
        CloudEvent<MarbleCreated> event =
                CloudEvent.of(SOURCE, new MarbleCreated("m1", "blue", 35, "tom", "tx1", 7L), "tx1-0", TIME);

        MarbleEvent out = GrpcMessages.event(event);

        assertThat(out.getId()).isEqualTo("tx1-0");
        assertThat(out.getType()).isEqualTo("dev.weft.marbles.created.v1");
        assertThat(out.getSource()).isEqualTo("/weft/gateway");
        assertThat(out.getSubject()).isEqualTo("m1");
        assertThat(out.getTime().getSeconds()).isEqualTo(TIME.getEpochSecond());
        assertThat(out.getTime().getNanos()).isEqualTo(678_000_000);
        assertThat(out.getCreated().getColor()).isEqualTo("blue");
        assertThat(out.getCreated().getSize()).isEqualTo(35);
        assertThat(out.getCreated().getBlockNumber()).isEqualTo(7L);
    }

    @Test
    void a_created_event_without_size_or_block_leaves_them_unset() {
        MarbleEvent out = GrpcMessages.event(
                CloudEvent.of(SOURCE, new MarbleCreated("m1", null, null, null, "tx1", null), "tx1-0", TIME));

        assertThat(out.getCreated().hasSize()).isFalse();
        assertThat(out.getCreated().hasBlockNumber()).isFalse();
        assertThat(out.getCreated().getColor()).isEmpty();
    }

    @Test
    void transferred_and_deleted_events_get_their_bodies() {
        MarbleEvent transferred =
                GrpcMessages.event(CloudEvent.of(SOURCE, new MarbleTransferred("m1", "bob", "tx2", 8L), "tx2-0", TIME));
        MarbleEvent deleted =
                GrpcMessages.event(CloudEvent.of(SOURCE, new MarbleDeleted("m1", "tx3", 9L), "tx3-0", TIME));

        assertThat(transferred.getDataCase()).isEqualTo(MarbleEvent.DataCase.TRANSFERRED);
        assertThat(transferred.getTransferred().getNewOwner()).isEqualTo("bob");
        assertThat(deleted.getDataCase()).isEqualTo(MarbleEvent.DataCase.DELETED);
        assertThat(deleted.getDeleted().getBlockNumber()).isEqualTo(9L);
    }
}
