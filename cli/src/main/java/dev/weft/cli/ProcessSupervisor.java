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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Starts the suite's processes detached from the CLI and finds them again later by PID file, so {@code down} stops
 * exactly what {@code up} started and nothing else.
 *
 * <p>A PID file holds the PID and the process start time. Both must match a live process before it counts as ours:
 * after a reboot or a crash the PID may belong to an unrelated process by now.
 */
final class ProcessSupervisor {

    private final Path runDir;
    private final Path logDir;

    ProcessSupervisor(Path workDir) {
        this.runDir = workDir.resolve("run");
        this.logDir = workDir.resolve("logs");
    }

    /** Starts a process whose output goes to {@code logs/<name>.log}, and records it. */
    ProcessHandle start(String name, List<String> command, Map<String, String> environment, Path directory) {
        try {
            Files.createDirectories(runDir);
            Files.createDirectories(logDir);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log(name).toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
            builder.environment().putAll(environment);
            ProcessHandle handle = builder.start().toHandle();
            Instant started = handle.info().startInstant().orElse(Instant.EPOCH);
            writeAtomically(pidFile(name), handle.pid() + " " + started.toEpochMilli() + "\n");
            return handle;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    /** The live process recorded under this name, if any. */
    Optional<ProcessHandle> running(String name) {
        Path file = pidFile(name);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            String[] parts =
                    Files.readString(file, StandardCharsets.UTF_8).trim().split("\\s+");
            long pid = Long.parseLong(parts[0]);
            long startedMillis = parts.length > 1 ? Long.parseLong(parts[1]) : 0L;
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(handle -> sameStart(handle, startedMillis));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Stops the recorded process and the processes it started (the Fabric nodes of the provisioner, the chaincode
     * servers of the lifecycle service): SIGTERM first, then SIGKILL after {@code grace}.
     *
     * @return whether a live process was found
     */
    boolean stop(String name, Duration grace) {
        Optional<ProcessHandle> process = running(name);
        process.ifPresent(handle -> {
            List<ProcessHandle> family = new ArrayList<>(handle.descendants().toList());
            family.add(0, handle);
            terminate(family, grace);
        });
        try {
            Files.deleteIfExists(pidFile(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return process.isPresent();
    }

    Path log(String name) {
        return logDir.resolve(name + ".log");
    }

    private Path pidFile(String name) {
        return runDir.resolve(name + ".pid");
    }

    private static void terminate(List<ProcessHandle> processes, Duration grace) {
        processes.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle process : processes) {
            long left = Math.max(0, deadline - System.nanoTime());
            try {
                process.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                process.destroyForcibly();
            }
        }
    }

    private static boolean sameStart(ProcessHandle handle, long startedMillis) {
        if (startedMillis == 0L) {
            return true;
        }
        return handle.info()
                .startInstant()
                .map(start -> Math.abs(start.toEpochMilli() - startedMillis) < 2_000)
                .orElse(true);
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static void writeAtomically(Path file, String content) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temp, content, StandardCharsets.UTF_8);
        Files.move(
                temp,
                file,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
