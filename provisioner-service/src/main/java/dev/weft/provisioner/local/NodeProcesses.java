package dev.weft.provisioner.local;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Starts, finds again and stops local node processes through their PID files ({@code <node folder>/node.pid}:
 * PID, start time and executable). A recorded process counts as ours only while a process with that PID runs the
 * same executable and started at the same time, so a PID reused by the system is never adopted or killed.
 *
 * <pre>{@code
 * ProcessHandle p = NodeProcesses.running(folder).orElseGet(() -> NodeProcesses.start(command));
 * NodeProcesses.stop(folder, Duration.ofSeconds(10)); // SIGTERM, then SIGKILL after the grace period
 * }</pre>
 */
public final class NodeProcesses {

    /** The PID file name in a node's folder. */
    public static final String PID_FILE = "node.pid";

    private static final Logger LOG = Logger.getLogger(NodeProcesses.class);

    private NodeProcesses() {}

    /** The process recorded in {@code folder}, if it still runs and is the one that was started. */
    public static Optional<ProcessHandle> running(Path folder) {
        Path file = folder.resolve(PID_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties recorded = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            recorded.load(in);
        } catch (IOException | IllegalArgumentException e) {
            LOG.warnf("unreadable PID file %s (%s); ignoring it", file, e.getMessage());
            return Optional.empty();
        }
        long pid = Long.parseLong(recorded.getProperty("pid", "-1"));
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(p -> sameProcess(p, recorded));
    }

    /** Starts the node with its output appended to its log, and records its PID. */
    public static ProcessHandle start(NodeCommand command) {
        try {
            Files.createDirectories(command.folder());
            ProcessBuilder builder = new ProcessBuilder(command.commandLine())
                    .directory(command.folder().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(
                            ProcessBuilder.Redirect.appendTo(command.log().toFile()));
            builder.environment().putAll(command.environment());
            Process process = builder.start();
            record(command, process.toHandle());
            LOG.infof("started %s (pid %d), log %s", command.node(), process.pid(), command.log());
            return process.toHandle();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command.node() + " from " + command.executable(), e);
        }
    }

    /** Stops the recorded process (SIGTERM, then SIGKILL after {@code grace}); false when none was running. */
    public static boolean stop(Path folder, Duration grace) {
        Optional<ProcessHandle> process = running(folder);
        process.ifPresent(p -> {
            p.destroy();
            try {
                p.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception stillRunning) {
                p.destroyForcibly();
            }
        });
        try {
            Files.deleteIfExists(folder.resolve(PID_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return process.isPresent();
    }

    private static void record(NodeCommand command, ProcessHandle process) throws IOException {
        Properties props = new Properties();
        props.setProperty("pid", Long.toString(process.pid()));
        props.setProperty("node", command.node());
        props.setProperty("executable", command.executable().toString());
        process.info().startInstant().ifPresent(t -> props.setProperty("started", t.toString()));
        Path file = command.folder().resolve(PID_FILE);
        Path tmp = Files.createTempFile(command.folder(), PID_FILE, ".tmp");
        try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            props.store(out, "process started by the Weft provisioner");
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static boolean sameProcess(ProcessHandle process, Properties recorded) {
        ProcessHandle.Info info = process.info();
        String executable = recorded.getProperty("executable");
        if (executable != null
                && info.command().isPresent()
                && !sameFile(info.command().get(), executable)) {
            return false;
        }
        String started = recorded.getProperty("started");
        if (started != null && info.startInstant().isPresent()) {
            long apart = Math.abs(
                    Duration.between(Instant.parse(started), info.startInstant().get())
                            .toMillis());
            return apart < 2000; // start times are derived from clock ticks and boot time: allow rounding
        }
        return true;
    }

    private static boolean sameFile(String actual, String expected) {
        try {
            return Path.of(actual).toRealPath().equals(Path.of(expected).toRealPath());
        } catch (IOException e) {
            return actual.equals(expected);
        }
    }
}
