package dev.weft.gateway.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileCheckpointStoreTest {

    @Test
    void a_written_checkpoint_is_read_back_by_a_new_store(@TempDir Path dir) {
        Path file = dir.resolve("sub/events.checkpoint");
        assertThat(new FileCheckpointStore(file).read()).isEmpty();
        new FileCheckpointStore(file).write(new EventCheckpoint(3, "tx1", 0));
        new FileCheckpointStore(file).write(new EventCheckpoint(4, "tx2", 1));
        assertThat(new FileCheckpointStore(file).read()).contains(new EventCheckpoint(4, "tx2", 1));
        assertThat(dir.resolve("sub").toFile().list()).containsExactly("events.checkpoint");
    }
}
