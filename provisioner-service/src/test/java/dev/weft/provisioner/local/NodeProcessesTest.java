package dev.weft.provisioner.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PID files: a started process is found again, stopped exactly, and a stale or reused PID is never adopted. */
class NodeProcessesTest {

    @TempDir
    Path dir;

    NodeCommand sleeper() {
        return new NodeCommand("sleeper", Path.of("/bin/sleep"), List.of("300"), Map.of(), dir.resolve("sleeper"), 0);
    }

    @Test
    void a_started_process_is_found_again_through_its_pid_file_and_stopped() {
        ProcessHandle started = NodeProcesses.start(sleeper());

        assertThat(NodeProcesses.running(dir.resolve("sleeper")))
                .hasValueSatisfying(p -> assertThat(p.pid()).isEqualTo(started.pid()));
        assertThat(NodeProcesses.stop(dir.resolve("sleeper"), Duration.ofSeconds(5)))
                .isTrue();
        assertThat(started.isAlive()).isFalse();
        assertThat(NodeProcesses.running(dir.resolve("sleeper"))).isEmpty();
    }

    @Test
    void a_pid_file_of_a_process_that_exited_finds_nothing() throws Exception {
        ProcessHandle started = NodeProcesses.start(sleeper());
        started.destroyForcibly();
        started.onExit().get();

        assertThat(NodeProcesses.running(dir.resolve("sleeper"))).isEmpty();
        assertThat(NodeProcesses.stop(dir.resolve("sleeper"), Duration.ofSeconds(1)))
                .isFalse();
    }

    @Test
    void a_live_pid_running_something_else_is_not_adopted() throws Exception {
        Path folder = dir.resolve("other");
        Files.createDirectories(folder);
        long self = ProcessHandle.current().pid();
        Files.writeString(folder.resolve(NodeProcesses.PID_FILE), "pid=" + self + "\nexecutable=/bin/sleep\n");

        assertThat(NodeProcesses.running(folder)).isEmpty();
        assertThat(NodeProcesses.stop(folder, Duration.ofSeconds(1))).isFalse();
        assertThat(ProcessHandle.current().isAlive()).isTrue();
    }
}
