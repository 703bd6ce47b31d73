package dev.weft.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The Fabric nodes and chaincode servers the services recorded in their work folders ({@code node.pid},
 * {@code server.pid}). They outlive the service that started them on purpose, so a restarted service adopts them;
 * but then they are no longer its descendants, and {@code down} finds them here instead.
 *
 * <p>A recorded PID counts only while its process started before the PID file was written: a PID the system has
 * since given to another process is never touched.
 */
final class RecordedProcesses {

    private static final List<String> FILE_NAMES = List.of("node.pid", "server.pid");

    private final Path workDir;

    RecordedProcesses(Path workDir) {
        this.workDir = workDir;
    }

    /** Stops every recorded process still running (SIGTERM, SIGKILL after {@code grace}); returns their files. */
    List<Path> stopAll(Duration grace) {
        List<Path> files = new ArrayList<>();
        List<ProcessHandle> processes = new ArrayList<>();
        for (Path file : pidFiles()) {
            running(file).ifPresent(process -> {
                files.add(workDir.relativize(file));
                processes.add(process);
            });
        }
        processes.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle process : processes) {
            try {
                process.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception stillRunning) {
                process.destroyForcibly();
            }
        }
        return files;
    }

    private List<Path> pidFiles() {
        if (!Files.isDirectory(workDir)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(workDir)) {
            return all.filter(f -> FILE_NAMES.contains(f.getFileName().toString()))
                    .filter(Files::isRegularFile)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search " + workDir + " for PID files", e);
        }
    }

    static Optional<ProcessHandle> running(Path pidFile) {
        try {
            Long pid = pid(Files.readString(pidFile, StandardCharsets.UTF_8));
            Instant written = Files.getLastModifiedTime(pidFile).toInstant();
            return pid == null
                    ? Optional.empty()
                    : ProcessHandle.of(pid)
                            .filter(ProcessHandle::isAlive)
                            .filter(p -> p.info()
                                    .startInstant()
                                    .map(start -> start.isBefore(written.plusSeconds(2)))
                                    .orElse(false));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The PID of a {@code node.pid} ({@code pid=123} among other properties) or a {@code server.pid} ({@code 123}). */
    static Long pid(String text) {
        for (String line : text.lines().map(String::trim).toList()) {
            String value = line.startsWith("pid=") ? line.substring(4).trim() : line;
            if (value.matches("\\d+")) {
                return Long.parseLong(value);
            }
        }
        return null;
    }
}
