package dev.weft.service.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SeenEventsTest {

    @Test
    void reports_a_redelivered_id_as_seen() {
        SeenEvents seen = new SeenEvents(10);

        assertThat(seen.firstTime("a")).isTrue();
        assertThat(seen.firstTime("a")).isFalse();
        assertThat(seen.firstTime("b")).isTrue();
    }

    @Test
    void forgets_the_oldest_ids_beyond_its_capacity() {
        SeenEvents seen = new SeenEvents(2);
        seen.firstTime("a");
        seen.firstTime("b");
        seen.firstTime("c");

        assertThat(seen.firstTime("a")).as("evicted, so new again").isTrue();
        assertThat(seen.firstTime("c")).isFalse();
    }

    @Test
    void rejects_a_capacity_below_one() {
        assertThatThrownBy(() -> new SeenEvents(0)).hasMessageContaining("capacity");
    }
}
