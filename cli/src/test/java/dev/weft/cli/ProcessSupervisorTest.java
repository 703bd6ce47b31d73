package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessSupervisorTest {

    @TempDir
    Path work;

    @Test
    void finds_a_started_process_again_from_another_supervisor() {
        ProcessHandle started = new ProcessSupervisor(work).start("sleeper", List.of("sleep", "30"), Map.of(), work);
        try {
            assertThat(new ProcessSupervisor(work).running("sleeper"))
                    .hasValueSatisfying(p -> assertThat(p.pid()).isEqualTo(started.pid()));
        } finally {
            started.destroyForcibly();
        }
    }

    @Test
    void stop_ends_the_process_and_its_children_and_forgets_it() throws Exception {
        ProcessSupervisor supervisor = new ProcessSupervisor(work);
        ProcessHandle parent =
                supervisor.start("family", List.of("sh", "-c", "sleep 30 & sleep 30 & wait"), Map.of(), work);
        awaitChildren(parent, 2);
        List<ProcessHandle> children = parent.descendants().toList();

        assertThat(supervisor.stop("family", Duration.ofSeconds(5))).isTrue();

        assertThat(parent.isAlive()).isFalse();
        assertThat(children).noneMatch(ProcessHandle::isAlive);
        assertThat(supervisor.running("family")).isEmpty();
        assertThat(supervisor.stop("family", Duration.ofSeconds(1)))
                .as("nothing left to stop")
                .isFalse();
    }

    @Test
    void ignores_a_pid_file_whose_process_is_gone_or_is_someone_else() throws Exception {
        Files.createDirectories(work.resolve("run"));
        // PID 1 is alive but was not started by us at that time.
        Files.writeString(work.resolve("run/impostor.pid"), "1 1000\n");
        Files.writeString(work.resolve("run/garbage.pid"), "not a pid\n");

        ProcessSupervisor supervisor = new ProcessSupervisor(work);

        assertThat(supervisor.running("impostor")).isEmpty();
        assertThat(supervisor.running("garbage")).isEmpty();
        assertThat(supervisor.running("never-started")).isEmpty();
    }

    @Test
    void appends_output_to_the_part_log() throws Exception {
        ProcessSupervisor supervisor = new ProcessSupervisor(work);
        supervisor
                .start("echo", List.of("sh", "-c", "echo hello"), Map.of(), work)
                .onExit()
                .get();

        assertThat(Files.readString(supervisor.log("echo"))).isEqualTo("hello\n");
    }

    private static void awaitChildren(ProcessHandle parent, int count) throws InterruptedException {
        for (int i = 0; i < 100 && parent.descendants().count() < count; i++) {
            Thread.sleep(50);
        }
    }
}
