package dev.weft.testing.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MeasureTest {

    @Test
    void interleaved_calls_each_series_in_turn_and_times_every_call() throws Exception {
        List<String> order = new ArrayList<>();
        Map<String, Measure.Call> calls = new LinkedHashMap<>();
        calls.put("direct", name -> order.add("direct:" + name));
        calls.put("rest", name -> order.add("rest:" + name));

        Map<String, List<Long>> nanos = Measure.interleaved(calls, "m1", 3);

        assertThat(order).containsExactly("direct:m1", "rest:m1", "direct:m1", "rest:m1", "direct:m1", "rest:m1");
        assertThat(nanos).containsOnlyKeys("direct", "rest");
        assertThat(nanos.get("direct")).hasSize(3).allMatch(n -> n >= 0);
        assertThat(nanos.get("rest")).hasSize(3).allMatch(n -> n >= 0);
    }

    @Test
    void percentile_picks_the_nearest_rank_of_sorted_values() {
        List<Long> sorted = List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);

        assertThat(Measure.percentile(sorted, 50)).isEqualTo(5L);
        assertThat(Measure.percentile(sorted, 99)).isEqualTo(10L);
    }
}
