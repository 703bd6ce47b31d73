package dev.weft.chaincode.testpeer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WorldStateTest {

    private static Optional<byte[]> value(String text) {
        return Optional.of(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void orders_keys_by_code_point_with_composite_keys_first() {
        WorldState state = new WorldState();
        Map<String, Optional<byte[]>> writes = new LinkedHashMap<>();
        writes.put("b", value("1"));
        writes.put("\u0000color~name\u0000blue\u0000a\u0000", value("\u0000"));
        writes.put("a", value("2"));
        writes.put("\uD83D\uDE00", value("3")); // U+1F600, after U+FFFD in UTF-8 order
        writes.put("\uFFFD", value("4"));
        state.commit("tx1", Instant.EPOCH, writes);

        assertThat(state.keys())
                .containsExactly("\u0000color~name\u0000blue\u0000a\u0000", "a", "b", "\uFFFD", "\uD83D\uDE00");
    }

    @Test
    void range_is_half_open_and_an_empty_end_is_unbounded() {
        WorldState state = new WorldState();
        state.commit("tx1", Instant.EPOCH, Map.of("a", value("1"), "b", value("2"), "c", value("3")));

        assertThat(state.range("a", "c")).extracting(Map.Entry::getKey).containsExactly("a", "b");
        assertThat(state.range("b", "")).extracting(Map.Entry::getKey).containsExactly("b", "c");
    }

    @Test
    void keeps_history_newest_first_including_deletes() {
        WorldState state = new WorldState();
        state.commit("tx1", Instant.ofEpochSecond(1), Map.of("k", value("v1")));
        state.commit("tx2", Instant.ofEpochSecond(2), Map.of("k", value("v2")));
        state.commit("tx3", Instant.ofEpochSecond(3), Map.of("k", Optional.empty()));

        assertThat(state.get("k")).isEmpty();
        assertThat(state.history("k")).extracting(HistoryEntry::txId).containsExactly("tx3", "tx2", "tx1");
        assertThat(state.history("k").get(0).deleted()).isTrue();
        assertThat(state.history("k").get(1).valueUtf8()).isEqualTo("v2");
    }

    @Test
    void returns_copies_that_callers_cannot_change() {
        WorldState state = new WorldState();
        state.commit("tx1", Instant.EPOCH, Map.of("k", value("v")));

        state.get("k").orElseThrow()[0] = 'x';

        assertThat(state.getUtf8("k")).contains("v");
    }
}
