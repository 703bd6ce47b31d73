package dev.weft.gateway.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResumePositionTest {

    @Test
    void without_a_checkpoint_everything_is_new_from_block_zero() {
        ResumePosition resume = new ResumePosition(Optional.empty());
        assertThat(resume.startBlock()).isZero();
        assertThat(resume.alreadyPublished(0, "a", 0)).isFalse();
    }

    @Test
    void skips_up_to_the_checkpointed_event_of_its_transaction_and_nothing_after() {
        ResumePosition resume = new ResumePosition(Optional.of(new EventCheckpoint(5, "tx-b", 1)));
        assertThat(resume.startBlock()).isEqualTo(5);
        // block 5 holds tx-a, then tx-b (3 CloudEvents, 2 published), then tx-c
        assertThat(resume.alreadyPublished(5, "tx-a", 0)).isTrue();
        resume.transactionDone(5, "tx-a");
        assertThat(resume.alreadyPublished(5, "tx-b", 0)).isTrue();
        assertThat(resume.alreadyPublished(5, "tx-b", 1)).isTrue();
        assertThat(resume.alreadyPublished(5, "tx-b", 2)).isFalse();
        resume.transactionDone(5, "tx-b");
        assertThat(resume.alreadyPublished(5, "tx-c", 0)).isFalse();
        assertThat(resume.alreadyPublished(6, "tx-d", 0)).isFalse();
    }

    @Test
    void the_transaction_after_a_fully_published_one_is_new() {
        ResumePosition resume = new ResumePosition(Optional.of(new EventCheckpoint(5, "tx-b", 0)));
        assertThat(resume.alreadyPublished(5, "tx-b", 0)).isTrue();
        resume.transactionDone(5, "tx-b");
        assertThat(resume.alreadyPublished(5, "tx-c", 0)).isFalse();
    }

    @Test
    void a_later_block_ends_the_skipping() {
        ResumePosition resume = new ResumePosition(Optional.of(new EventCheckpoint(5, "tx-b", 0)));
        assertThat(resume.alreadyPublished(4, "tx-old", 0)).isTrue();
        assertThat(resume.alreadyPublished(7, "tx-new", 0)).isFalse();
        assertThat(resume.alreadyPublished(5, "tx-b", 0)).isFalse();
    }
}
