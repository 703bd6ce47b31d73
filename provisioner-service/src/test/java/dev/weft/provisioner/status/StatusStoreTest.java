package dev.weft.provisioner.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.events.StepStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusStoreTest {

    @TempDir
    Path root;

    @Test
    void saves_and_reads_back_a_status_per_network_without_leaving_temporary_files() throws Exception {
        StatusStore store = new StatusStore(root);
        Instant now = Instant.parse("2026-11-27T10:00:00Z");
        NetworkStatus status = NetworkStatus.pending("demo", "local", "abc", now)
                .withCondition(StepCondition.started("crypto", now), now)
                .withCondition(
                        StepCondition.started("crypto", now)
                                .finished(StepStatus.SUCCEEDED, "done", now.plusMillis(1500)),
                        now.plusMillis(1500));

        store.save(status);
        store.save(status.withPhase(Phase.READY, now.plusSeconds(2)));

        NetworkStatus back = store.find("demo").orElseThrow();
        assertThat(back.phase()).isEqualTo(Phase.READY);
        assertThat(back.conditions()).hasSize(1);
        assertThat(back.condition("crypto").durationMillis()).isEqualTo(1500);
        assertThat(store.all()).extracting(NetworkStatus::network).containsExactly("demo");
        try (var files = Files.list(root.resolve("demo"))) {
            assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("status.json");
        }
    }

    @Test
    void an_unknown_network_has_no_status() {
        assertThat(new StatusStore(root).find("nope")).isEmpty();
        assertThat(new StatusStore(root.resolve("missing")).all()).isEmpty();
    }
}
