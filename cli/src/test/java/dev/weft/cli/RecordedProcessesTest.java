package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordedProcessesTest {

    @TempDir
    Path work;

    @Test
    void stops_the_nodes_and_servers_recorded_anywhere_in_the_work_folder() throws Exception {
        Process node = new ProcessBuilder("sleep", "60").start();
        Process server = new ProcessBuilder("sleep", "60").start();
        try {
            Path nodeDir = Files.createDirectories(work.resolve("provisioner/weft/nodes/orderer0"));
            Files.writeString(
                    nodeDir.resolve("node.pid"),
                    "#process started by the Weft provisioner\nnode=orderer0\npid=" + node.pid() + "\n",
                    StandardCharsets.UTF_8);
            Path serverDir = Files.createDirectories(work.resolve("lifecycle/servers/marbles/org1msp/abc"));
            Files.writeString(serverDir.resolve("server.pid"), Long.toString(server.pid()), StandardCharsets.UTF_8);

            assertThat(new RecordedProcesses(work).stopAll(Duration.ofSeconds(5)))
                    .containsExactlyInAnyOrder(
                            Path.of("provisioner/weft/nodes/orderer0/node.pid"),
                            Path.of("lifecycle/servers/marbles/org1msp/abc/server.pid"));
            assertThat(node.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(server.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        } finally {
            node.destroyForcibly();
            server.destroyForcibly();
        }
    }

    @Test
    void leaves_alone_a_process_that_started_after_its_pid_was_recorded() throws Exception {
        Process other = new ProcessBuilder("sleep", "60").start();
        try {
            Path pidFile = work.resolve("server.pid");
            Files.writeString(pidFile, Long.toString(other.pid()), StandardCharsets.UTF_8);
            // the file predates the process: the PID was reused since
            Files.setLastModifiedTime(pidFile, FileTime.from(Instant.now().minusSeconds(3600)));

            assertThat(new RecordedProcesses(work).stopAll(Duration.ofSeconds(5)))
                    .isEmpty();
            assertThat(other.isAlive()).isTrue();
        } finally {
            other.destroyForcibly();
        }
    }

    @Test
    void reads_the_pid_of_both_file_formats() {
        assertThat(RecordedProcesses.pid("#comment\nnode=peer0\npid=4242\nstarted=2026-01-01T00:00:00Z\n"))
                .isEqualTo(4242L);
        assertThat(RecordedProcesses.pid("4243")).isEqualTo(4243L);
        assertThat(RecordedProcesses.pid("garbage")).isNull();
    }
}
