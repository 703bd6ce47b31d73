package dev.weft.chaincode.marbles.server;

import dev.weft.chaincode.testpeer.ChaincodeConnection;
import dev.weft.chaincode.testpeer.TestPeer;
import dev.weft.chaincode.testpeer.TestPeerException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The runnable jar started as a separate process, the way the e2e tests and users start it. Used by the process
 * tests and the benchmark.
 */
final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final Path outputFile;
    private final long startNanos;

    private ServerProcess(Process process, Path outputFile, long startNanos) {
        this.process = process;
        this.outputFile = outputFile;
        this.startNanos = startNanos;
    }

    /** The runnable jar built by {@code package}. */
    static Path runnerJar() {
        String configured = System.getProperty("weft.chaincode.runnerJar");
        Path jar = configured != null
                ? Path.of(configured)
                : Path.of("target", "weft-chaincode-marbles-0.1.0-SNAPSHOT-runner.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    "no runnable jar at " + jar.toAbsolutePath() + "; run ./mvnw package first");
        }
        return jar;
    }

    /** Starts {@code java [jvmArgs] -jar <runner> } with exactly {@code env} (plus PATH). */
    static ServerProcess start(Map<String, String> env, List<String> jvmArgs) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmArgs);
        command.add("-jar");
        command.add(runnerJar().toString());
        try {
            // A file, not a pipe: when a process exits, the JDK drains and closes its pipe under a reading thread,
            // which then loses the last lines (the shutdown messages).
            Path outputFile = Files.createTempFile("chaincode-server", ".log");
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(outputFile.toFile());
            builder.environment().keySet().removeIf(key -> key.startsWith("CHAINCODE_") || key.startsWith("CORE_"));
            builder.environment().putAll(env);
            long start = System.nanoTime();
            return new ServerProcess(builder.start(), outputFile, start);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Dials until the server answers and registers, or the deadline passes. */
    ChaincodeConnection connect(TestPeer.Options options, Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        TestPeerException last = null;
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue() + ":\n" + output());
            }
            try {
                // Generous: the first transaction of a cold JVM on a loaded CI machine takes seconds.
                return TestPeer.connect(options.withTimeout(Duration.ofSeconds(30)));
            } catch (TestPeerException e) {
                last = e;
                sleep(20);
            }
        }
        throw new IllegalStateException("the server did not register within " + deadline + ":\n" + output(), last);
    }

    /** Nanoseconds since the process was started. */
    long nanosSinceStart() {
        return System.nanoTime() - startNanos;
    }

    long pid() {
        return process.pid();
    }

    /** CPU time (user + system) the process has used so far, in milliseconds, from /proc (Linux). */
    long cpuMillis() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            // Fields after the parenthesised command name; utime and stime are fields 14 and 15 (1-based).
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks * 1000 / 100; // USER_HZ is 100 on Linux
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Resident set size in KiB, from /proc (Linux). */
    long residentKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("no VmRSS for " + process.pid());
    }

    /** Waits for the process to exit by itself. */
    int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the server did not exit within " + timeout + ":\n" + output());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends SIGTERM and waits for the exit status. */
    int terminate(Duration timeout) {
        process.destroy();
        return awaitExit(timeout);
    }

    String output() {
        try {
            return Files.readString(outputFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(cannot read " + outputFile + ": " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
        try {
            Files.deleteIfExists(outputFile);
        } catch (IOException e) {
            // a temp file; nothing to do
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
