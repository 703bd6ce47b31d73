package dev.weft.chaincode.marbles;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MarblesChaincodeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MARBLE1 =
            "{\"docType\":\"marble\",\"name\":\"marble1\",\"color\":\"blue\",\"size\":35,\"owner\":\"tom\"}";

    private final MarblesChaincode chaincode = new MarblesChaincode();
    private InMemoryStub stub;

    @BeforeEach
    void freshLedger() {
        stub = InMemoryStub.couchDb();
    }

    private InMemoryStub.Call call(String function, String... args) {
        return stub.call(chaincode, function, args);
    }

    private void seed() {
        call("initMarble", "marble1", "blue", "35", "tom");
        call("initMarble", "marble2", "red", "50", "tom");
        call("initMarble", "marble3", "blue", "70", "jerry");
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    private static void assertRefused(InMemoryStub.Call call, ErrorCode code, String... fragments) {
        assertThat(call.ok()).as("refused: %s", call.message()).isFalse();
        assertThat(call.message()).startsWith(code.name() + ": ");
        for (String fragment : fragments) {
            assertThat(call.message()).contains(fragment);
        }
        assertThat(json(call.payload()).get("code").asText()).isEqualTo(code.name());
        assertThat(call.writes()).as("a refused call writes nothing").isEmpty();
        assertThat(call.event()).isEmpty();
    }

    @Nested
    class Init {
        @Test
        void succeeds_without_touching_state() {
            InMemoryStub.Call result = call("Init");
            assertThat(result.ok()).isTrue();
            assertThat(result.writes()).isEmpty();
        }

        @Test
        void chaincode_init_succeeds_with_any_arguments() {
            assertThat(chaincode.init(stub).getStatus().getCode()).isEqualTo(200);
        }
    }

    @Nested
    class InitMarble {
        @Test
        void stores_the_marble_json_in_marbles02_field_order() {
            InMemoryStub.Call result = call("initMarble", "marble1", "blue", "35", "tom");

            assertThat(result.ok()).isTrue();
            assertThat(result.payload()).isEqualTo(MARBLE1);
            assertThat(stub.state().getUtf8("marble1")).contains(MARBLE1);
        }

        @Test
        void lower_cases_color_and_owner() {
            call("initMarble", "Marble1", "BLUE", "35", "Tom");

            assertThat(json(stub.state().getUtf8("Marble1").orElseThrow())
                            .get("color")
                            .asText())
                    .isEqualTo("blue");
            assertThat(json(stub.state().getUtf8("Marble1").orElseThrow())
                            .get("owner")
                            .asText())
                    .isEqualTo("tom");
        }

        @Test
        void writes_the_color_and_owner_index_entries() {
            call("initMarble", "marble1", "blue", "35", "tom");

            assertThat(stub.state().get("\u0000color~name\u0000blue\u0000marble1\u0000"))
                    .hasValueSatisfying(v -> assertThat(v).containsExactly(0));
            assertThat(stub.state().get("\u0000owner~name\u0000tom\u0000marble1\u0000"))
                    .isPresent();
        }

        @Test
        void emits_marble_created_with_the_marble() {
            InMemoryStub.Call result = call("initMarble", "marble1", "blue", "35", "tom");

            assertThat(result.eventName()).isEqualTo("MarbleCreated");
            assertThat(result.eventPayload()).isEqualTo(MARBLE1);
        }

        @Test
        void refuses_an_existing_marble() {
            call("initMarble", "marble1", "blue", "35", "tom");

            assertRefused(
                    call("initMarble", "marble1", "red", "1", "jerry"), ErrorCode.MARBLE_ALREADY_EXISTS, "marble1");
            assertThat(stub.state().getUtf8("marble1")).contains(MARBLE1);
        }

        @Test
        void refuses_a_wrong_argument_count() {
            assertRefused(
                    call("initMarble", "marble1", "blue", "35"),
                    ErrorCode.INCORRECT_ARGUMENT_COUNT,
                    "expects 4",
                    "got 3");
        }

        @Test
        void refuses_a_non_numeric_size_naming_it() {
            InMemoryStub.Call result = call("initMarble", "marble1", "blue", "big", "tom");

            assertRefused(result, ErrorCode.INVALID_ARGUMENT, "size", "'big'");
            assertThat(json(result.payload()).get("argument").asText()).isEqualTo("size");
        }

        @Test
        void refuses_a_negative_size() {
            assertRefused(
                    call("initMarble", "marble1", "blue", "-1", "tom"),
                    ErrorCode.INVALID_ARGUMENT,
                    "size must not be negative");
        }

        @Test
        void refuses_an_empty_name() {
            assertRefused(
                    call("initMarble", "", "blue", "35", "tom"),
                    ErrorCode.INVALID_ARGUMENT,
                    "name must be a non-empty string");
        }

        @Test
        void refuses_an_empty_owner() {
            assertRefused(call("initMarble", "marble1", "blue", "35", ""), ErrorCode.INVALID_ARGUMENT, "owner");
        }

        @Test
        void refuses_a_name_with_the_composite_key_separator() {
            assertRefused(
                    call("initMarble", "mar\u0000ble", "blue", "35", "tom"),
                    ErrorCode.INVALID_ARGUMENT,
                    "name",
                    "U+0000");
        }

        @Test
        void accepts_size_zero() {
            assertThat(call("initMarble", "pebble", "grey", "0", "tom").ok()).isTrue();
        }
    }

    @Nested
    class ReadMarble {
        @Test
        void returns_the_stored_json() {
            seed();

            assertThat(call("readMarble", "marble1").payload()).isEqualTo(MARBLE1);
        }

        @Test
        void refuses_a_missing_marble() {
            assertRefused(call("readMarble", "nope"), ErrorCode.MARBLE_NOT_FOUND, "Marble does not exist: nope");
        }

        @Test
        void refuses_a_wrong_argument_count() {
            assertRefused(call("readMarble"), ErrorCode.INCORRECT_ARGUMENT_COUNT, "readMarble expects 1");
        }
    }

    @Nested
    class Delete {
        @Test
        void removes_the_marble_and_both_index_entries() {
            seed();

            InMemoryStub.Call result = call("delete", "marble1");

            assertThat(result.ok()).isTrue();
            assertThat(stub.state().get("marble1")).isEmpty();
            assertThat(stub.state().keys()).noneMatch(key -> key.contains("marble1"));
            assertThat(stub.state().get("marble2")).isPresent();
        }

        @Test
        void emits_marble_deleted() {
            seed();

            InMemoryStub.Call result = call("delete", "marble1");

            assertThat(result.eventName()).isEqualTo("MarbleDeleted");
            assertThat(result.eventPayload()).isEqualTo(MARBLE1);
        }

        @Test
        void refuses_a_missing_marble() {
            assertRefused(call("delete", "nope"), ErrorCode.MARBLE_NOT_FOUND, "nope");
        }

        @Test
        void refuses_a_stored_value_that_is_not_a_marble() {
            stub.state()
                    .commit(
                            "tx0",
                            java.time.Instant.EPOCH,
                            java.util.Map.of("junk", java.util.Optional.of("not json".getBytes())));

            assertRefused(call("delete", "junk"), ErrorCode.CORRUPT_STATE, "junk");
        }
    }

    @Nested
    class TransferMarble {
        @Test
        void sets_the_lower_cased_new_owner_and_moves_the_owner_index() {
            seed();

            InMemoryStub.Call result = call("transferMarble", "marble1", "JERRY");

            assertThat(result.ok()).isTrue();
            assertThat(json(stub.state().getUtf8("marble1").orElseThrow())
                            .get("owner")
                            .asText())
                    .isEqualTo("jerry");
            assertThat(stub.state().get("\u0000owner~name\u0000tom\u0000marble1\u0000"))
                    .isEmpty();
            assertThat(stub.state().get("\u0000owner~name\u0000jerry\u0000marble1\u0000"))
                    .isPresent();
        }

        @Test
        void emits_marble_transferred_with_the_previous_owner() {
            seed();

            InMemoryStub.Call result = call("transferMarble", "marble1", "jerry");

            assertThat(result.eventName()).isEqualTo("MarbleTransferred");
            assertThat(json(result.eventPayload()).get("previousOwner").asText())
                    .isEqualTo("tom");
            assertThat(json(result.eventPayload()).get("owner").asText()).isEqualTo("jerry");
        }

        @Test
        void to_the_same_owner_keeps_the_index() {
            seed();

            call("transferMarble", "marble1", "tom");

            assertThat(stub.state().get("\u0000owner~name\u0000tom\u0000marble1\u0000"))
                    .isPresent();
        }

        @Test
        void refuses_a_missing_marble() {
            assertRefused(call("transferMarble", "nope", "jerry"), ErrorCode.MARBLE_NOT_FOUND);
        }

        @Test
        void refuses_a_wrong_argument_count() {
            assertRefused(call("transferMarble", "marble1"), ErrorCode.INCORRECT_ARGUMENT_COUNT, "[name, newOwner]");
        }

        @Test
        void refuses_an_empty_new_owner() {
            seed();

            assertRefused(call("transferMarble", "marble1", ""), ErrorCode.INVALID_ARGUMENT, "newOwner");
        }
    }

    @Nested
    class TransferMarblesBasedOnColor {
        @Test
        void transfers_every_marble_of_the_color() {
            seed();

            InMemoryStub.Call result = call("transferMarblesBasedOnColor", "blue", "bob");

            assertThat(result.payload()).isEqualTo("Transferred 2 blue marbles to bob");
            assertThat(json(stub.state().getUtf8("marble1").orElseThrow())
                            .get("owner")
                            .asText())
                    .isEqualTo("bob");
            assertThat(json(stub.state().getUtf8("marble3").orElseThrow())
                            .get("owner")
                            .asText())
                    .isEqualTo("bob");
            assertThat(json(stub.state().getUtf8("marble2").orElseThrow())
                            .get("owner")
                            .asText())
                    .isEqualTo("tom");
        }

        @Test
        void lower_cases_the_color_unlike_marbles02() {
            seed();

            assertThat(call("transferMarblesBasedOnColor", "Blue", "bob").payload())
                    .startsWith("Transferred 2 blue");
        }

        @Test
        void emits_one_marbles_transferred_event_listing_each_marble() {
            seed();

            InMemoryStub.Call result = call("transferMarblesBasedOnColor", "blue", "bob");

            assertThat(result.eventName()).isEqualTo("MarblesTransferred");
            JsonNode event = json(result.eventPayload());
            assertThat(event.get("count").asInt()).isEqualTo(2);
            assertThat(event.get("marbles").get(0).get("name").asText()).isEqualTo("marble1");
            assertThat(event.get("marbles").get(1).get("previousOwner").asText())
                    .isEqualTo("jerry");
        }

        @Test
        void transfers_nothing_when_no_marble_has_the_color() {
            seed();

            InMemoryStub.Call result = call("transferMarblesBasedOnColor", "green", "bob");

            assertThat(result.payload()).isEqualTo("Transferred 0 green marbles to bob");
            assertThat(result.writes()).isEmpty();
            assertThat(result.event()).isEmpty();
        }

        @Test
        void refuses_a_wrong_argument_count() {
            assertRefused(call("transferMarblesBasedOnColor", "blue"), ErrorCode.INCORRECT_ARGUMENT_COUNT);
        }
    }

    @Nested
    class GetMarblesByRange {
        @Test
        void returns_key_and_record_for_each_marble_in_the_half_open_range() {
            seed();

            JsonNode result =
                    json(call("getMarblesByRange", "marble1", "marble3").payload());

            assertThat(result).hasSize(2);
            assertThat(result.get(0).get("Key").asText()).isEqualTo("marble1");
            assertThat(result.get(0).get("Record").get("color").asText()).isEqualTo("blue");
            assertThat(result.get(1).get("Key").asText()).isEqualTo("marble2");
        }

        @Test
        void treats_empty_bounds_as_open_and_skips_index_entries() {
            seed();

            assertThat(json(call("getMarblesByRange", "", "").payload())).hasSize(3);
        }

        @Test
        void refuses_a_start_key_in_the_composite_namespace() {
            assertRefused(call("getMarblesByRange", "\u0000color~name", ""), ErrorCode.INVALID_ARGUMENT, "startKey");
        }

        @Test
        void refuses_a_wrong_argument_count() {
            assertRefused(call("getMarblesByRange", "a"), ErrorCode.INCORRECT_ARGUMENT_COUNT);
        }
    }

    @Nested
    class GetMarblesByRangeWithPagination {
        @Test
        void returns_one_json_object_with_records_count_and_bookmark() {
            seed();

            JsonNode page = json(
                    call("getMarblesByRangeWithPagination", "", "", "2", "").payload());

            assertThat(page.get("records")).hasSize(2);
            assertThat(page.get("fetchedRecordsCount").asInt()).isEqualTo(2);
            assertThat(page.get("bookmark").asText()).isEqualTo("marble3");
        }

        @Test
        void continues_from_the_bookmark() {
            seed();

            JsonNode page = json(call("getMarblesByRangeWithPagination", "", "", "2", "marble3")
                    .payload());

            assertThat(page.get("records")).hasSize(1);
            assertThat(page.get("records").get(0).get("Key").asText()).isEqualTo("marble3");
            assertThat(page.get("bookmark").asText()).isEmpty();
        }

        @Test
        void refuses_a_page_size_that_is_not_a_positive_number() {
            assertRefused(
                    call("getMarblesByRangeWithPagination", "", "", "zero", ""),
                    ErrorCode.INVALID_ARGUMENT,
                    "pageSize");
            assertRefused(
                    call("getMarblesByRangeWithPagination", "", "", "0", ""),
                    ErrorCode.INVALID_ARGUMENT,
                    "pageSize must be at least 1");
        }
    }

    @Nested
    class QueryMarblesByOwner {
        @Test
        void finds_the_owners_marbles_through_the_owner_index() {
            seed();

            JsonNode result = json(call("queryMarblesByOwner", "TOM").payload());

            assertThat(result).hasSize(2);
            assertThat(result.get(0).get("Key").asText()).isEqualTo("marble1");
            assertThat(result.get(1).get("Key").asText()).isEqualTo("marble2");
        }

        @Test
        void works_on_leveldb() {
            stub = InMemoryStub.levelDb();
            seed();

            assertThat(json(call("queryMarblesByOwner", "jerry").payload())).hasSize(1);
        }

        @Test
        void follows_transfers() {
            seed();
            call("transferMarble", "marble1", "jerry");

            assertThat(json(call("queryMarblesByOwner", "jerry").payload())).hasSize(2);
            assertThat(json(call("queryMarblesByOwner", "tom").payload())).hasSize(1);
        }

        @Test
        void refuses_an_empty_owner() {
            assertRefused(call("queryMarblesByOwner", ""), ErrorCode.INVALID_ARGUMENT, "owner");
        }
    }

    @Nested
    class QueryMarbles {
        @Test
        void runs_the_selector_on_couchdb() {
            seed();

            JsonNode result = json(call("queryMarbles", "{\"selector\":{\"docType\":\"marble\",\"color\":\"blue\"}}")
                    .payload());

            assertThat(result).hasSize(2);
            assertThat(result.get(1).get("Record").get("name").asText()).isEqualTo("marble3");
        }

        @Test
        void refuses_with_a_clear_error_on_leveldb() {
            stub = InMemoryStub.levelDb();

            assertRefused(call("queryMarbles", "{\"selector\":{}}"), ErrorCode.RICH_QUERY_UNSUPPORTED, "CouchDB");
        }

        @Test
        void refuses_a_selector_that_is_not_json() {
            assertRefused(call("queryMarbles", "owner=tom"), ErrorCode.INVALID_ARGUMENT, "selector");
        }
    }

    @Nested
    class QueryMarblesWithPagination {
        @Test
        void returns_one_json_object_per_page() {
            seed();

            JsonNode page = json(call("queryMarblesWithPagination", "{\"selector\":{\"owner\":\"tom\"}}", "1", "")
                    .payload());

            assertThat(page.get("records")).hasSize(1);
            assertThat(page.get("fetchedRecordsCount").asInt()).isEqualTo(1);
            assertThat(page.get("bookmark").asText()).isEqualTo("marble2");
        }

        @Test
        void refuses_with_a_clear_error_on_leveldb() {
            stub = InMemoryStub.levelDb();

            assertRefused(
                    call("queryMarblesWithPagination", "{\"selector\":{}}", "1", ""), ErrorCode.RICH_QUERY_UNSUPPORTED);
        }

        @Test
        void refuses_a_wrong_argument_count() {
            assertRefused(call("queryMarblesWithPagination", "{}", "1"), ErrorCode.INCORRECT_ARGUMENT_COUNT);
        }
    }

    @Nested
    class GetHistoryForMarble {
        @Test
        void lists_every_change_newest_first_with_rfc3339_timestamps() {
            call("initMarble", "marble1", "blue", "35", "tom");
            call("transferMarble", "marble1", "jerry");
            call("delete", "marble1");

            JsonNode history = json(call("getHistoryForMarble", "marble1").payload());

            assertThat(history).hasSize(3);
            assertThat(history.get(0).get("IsDelete").asBoolean()).isTrue();
            assertThat(history.get(0).get("Value").isNull()).isTrue();
            assertThat(history.get(1).get("Value").get("owner").asText()).isEqualTo("jerry");
            assertThat(history.get(2).get("Value").get("owner").asText()).isEqualTo("tom");
            assertThat(history.get(2).get("Timestamp").asText())
                    .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");
            assertThat(history.get(2).get("TxId").asText()).isNotEmpty();
        }

        @Test
        void is_empty_for_an_unknown_marble() {
            assertThat(call("getHistoryForMarble", "nope").payload()).isEqualTo("[]");
        }
    }

    @Nested
    class UnknownFunction {
        @Test
        void is_refused_with_its_name() {
            assertRefused(call("burnMarble", "marble1"), ErrorCode.UNKNOWN_FUNCTION, "burnMarble");
        }
    }
}
