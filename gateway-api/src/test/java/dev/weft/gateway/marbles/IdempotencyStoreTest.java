package dev.weft.gateway.marbles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class IdempotencyStoreTest {

    private final IdempotencyStore store =
            new IdempotencyStore(10, Duration.ofHours(1), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    private final AtomicInteger runs = new AtomicInteger();

    @Test
    void a_key_runs_its_operation_once_and_replays_the_result() {
        assertThat(store.run("k", "op", runs::incrementAndGet)).isEqualTo(1);
        assertThat(store.run("k", "op", runs::incrementAndGet)).isEqualTo(1);
        assertThat(runs).hasValue(1);
    }

    @Test
    void without_a_key_every_call_runs() {
        store.run(null, "op", runs::incrementAndGet);
        store.run(null, "op", runs::incrementAndGet);
        assertThat(runs).hasValue(2);
    }

    @Test
    void a_key_with_another_request_is_refused() {
        store.run("k", "op-1", runs::incrementAndGet);
        assertThatThrownBy(() -> store.run("k", "op-2", runs::incrementAndGet))
                .isInstanceOfSatisfying(
                        MarblesException.class,
                        e -> assertThat(e.error().kind()).isEqualTo(MarblesError.Kind.IDEMPOTENCY_KEY_REUSED));
    }

    @Test
    void failures_where_a_transaction_may_exist_are_replayed() {
        MarblesException unknown =
                new MarblesException(new MarblesError.CommitStatusUnknown("tx1", "no commit status"));
        assertThatThrownBy(() -> store.run("k", "op", () -> {
                    runs.incrementAndGet();
                    throw unknown;
                }))
                .isSameAs(unknown);
        assertThatThrownBy(() -> store.run("k", "op", runs::incrementAndGet)).isSameAs(unknown);
        assertThat(runs).hasValue(1);
    }

    @Test
    void failures_before_anything_reached_the_orderer_are_forgotten() {
        assertThatThrownBy(() -> store.run("k", "op", () -> {
                    runs.incrementAndGet();
                    throw new MarblesException(new MarblesError.Unavailable("no peer"));
                }))
                .isInstanceOf(MarblesException.class);
        assertThat(store.run("k", "op", runs::incrementAndGet)).isEqualTo(2);
    }
}
