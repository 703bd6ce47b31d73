package dev.weft.e2e;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * The suite as a user runs it: {@code ./weft up} and {@code ./weft down} from the checkout, on its own ports, and
 * the operator's view of it: its REST APIs, its Kafka broker and the processes recorded in its work folder.
 *
 * <p>Every HTTP request of the e2e tier is built by {@link #request}, so what every call needs (an API key header, for
 * instance) is added in one place.
 */
final class Suite {

    /** Default port base; other checkouts on the same machine use other bases. */
    static final int DEFAULT_PORT_BASE = 24000;

    /** The suite's REST APIs and their offsets from the port base. */
    enum Api {
        GATEWAY(1080),
        PROVISIONER(1081),
        LIFECYCLE(1082);

        private final int offset;

        Api(int offset) {
            this.offset = offset;
        }
    }

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Path repository;
    private final Path workDir;
    private final int portBase;
    private String apiKey;

    Suite(Path workDir, int portBase) {
        this.repository = Path.of(System.getProperty("weft.repository", ".."))
                .toAbsolutePath()
                .normalize();
        this.workDir = workDir;
        this.portBase = portBase;
    }

    /** The port base from {@code -Dweft.e2e.port-base}, 24000 by default. */
    static int portBaseFromProperties() {
        return Integer.getInteger("weft.e2e.port-base", DEFAULT_PORT_BASE);
    }

    Path workDir() {
        return workDir;
    }

    int portBase() {
        return portBase;
    }

    /**
     * The local API key {@code ./weft up} made (every role), read from the work folder where it keeps it: the one
     * credential a user of the local run has. {@code up} makes it once and never changes it, so it is read once: every
     * request (the benchmark's timed calls among them) would otherwise read the file again.
     */
    synchronized String apiKey() {
        if (apiKey == null) {
            try {
                apiKey = Files.readString(workDir.resolve("security/local-api-key"))
                        .strip();
            } catch (IOException e) {
                throw new UncheckedIOException("no local API key: did ./weft up run?", e);
            }
        }
        return apiKey;
    }

    String kafkaBootstrap() {
        return "127.0.0.1:" + (portBase + 2092);
    }

    String url(Api api, String path) {
        return "http://127.0.0.1:" + (portBase + api.offset) + path;
    }

    /** The one place every HTTP request of the e2e tier is built: with the local API key, as every API needs. */
    HttpRequest.Builder request(Api api, String path) {
        return anonymous(api, path).header("X-API-Key", apiKey());
    }

    /** A request without credentials, to check that the APIs refuse it. */
    HttpRequest.Builder anonymous(Api api, String path) {
        return HttpRequest.newBuilder(URI.create(url(api, path)))
                .timeout(Duration.ofSeconds(90))
                .header("Accept", "application/json");
    }

    /** Sends a JSON request (no body when {@code body} is null). */
    HttpResponse<String> send(Api api, String method, String path, String body) throws IOException {
        return send(api, method, path, "application/json", body);
    }

    HttpResponse<String> send(Api api, String method, String path, String contentType, String body) throws IOException {
        HttpRequest.Builder request = request(api, path).header("Content-Type", contentType);
        request.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Whether the API's readiness check answers 200. */
    boolean ready(Api api) {
        try {
            return send(api, "GET", "/q/health/ready", null).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /** Runs {@code ./weft <command>} and returns its output; fails the test when it exits non-zero. */
    String weft(String command, Duration timeout) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(repository.resolve("weft").toString(), command));
        if (!command.equals("down")) {
            args.addAll(List.of("--port-base", String.valueOf(portBase)));
        }
        Path log = Files.createTempFile("weft-" + command, ".log");
        ProcessBuilder builder = new ProcessBuilder(args)
                .directory(repository.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("WEFT_WORK_DIR", workDir.toString());
        builder.environment().put("WEFT_PORT_BASE", String.valueOf(portBase));
        Process process = builder.start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("./weft " + command + " did not finish within " + timeout + ":\n" + read(log));
        }
        String output = read(log);
        if (process.exitValue() != 0) {
            throw new AssertionError("./weft " + command + " exited " + process.exitValue() + ":\n" + output);
        }
        return output;
    }

    // ---- processes, as an operator finds them ------------------------------------------------------------------

    /** A part started by {@code ./weft up} ({@code kafka}, {@code gateway-api}, ...), from {@code run/<name>.pid}. */
    ProcessHandle part(String name) throws IOException {
        String[] recorded = Files.readString(workDir.resolve("run/" + name + ".pid"), StandardCharsets.UTF_8)
                .trim()
                .split("\\s+");
        return alive(Long.parseLong(recorded[0]), name);
    }

    /** A Fabric node of the default network ({@code orderer0}, {@code org1-peer0}), from its {@code node.pid}. */
    ProcessHandle node(String node) throws IOException {
        Properties recorded = new Properties();
        try (Reader in = Files.newBufferedReader(
                workDir.resolve("provisioner/weft/nodes").resolve(node).resolve("node.pid"), StandardCharsets.UTF_8)) {
            recorded.load(in);
        }
        return alive(Long.parseLong(recorded.getProperty("pid")), node);
    }

    /** The running chaincode server of {@code org} ({@code org1msp}), from its {@code server.pid}. */
    ProcessHandle chaincodeServer(String chaincode, String org) throws IOException {
        Path orgDir = workDir.resolve("lifecycle/servers").resolve(chaincode).resolve(org);
        try (Stream<Path> servers = Files.list(orgDir)) {
            for (Path pidFile : servers.map(dir -> dir.resolve("server.pid"))
                    .filter(Files::isRegularFile)
                    .toList()) {
                long pid = Long.parseLong(
                        Files.readString(pidFile, StandardCharsets.UTF_8).trim());
                Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
                if (process.isPresent()) {
                    return process.get();
                }
            }
        }
        throw new AssertionError("no running chaincode server of " + chaincode + " for " + org + " in " + orgDir);
    }

    /** Every process recorded in a PID file under the work folder that still runs (for the clean-up check). */
    List<String> recordedProcessesAlive() throws IOException {
        List<String> alive = new ArrayList<>();
        try (Stream<Path> files = Files.walk(workDir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".pid"))
                    .toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                Long pid = text.contains("pid=") ? pidProperty(text) : firstNumber(text);
                if (pid != null
                        && ProcessHandle.of(pid)
                                .filter(ProcessHandle::isAlive)
                                .filter(p -> startedBefore(p, file))
                                .isPresent()) {
                    alive.add(workDir.relativize(file) + " (pid " + pid + ")");
                }
            }
        }
        return alive;
    }

    /** Stops a process as an operator does with {@code kill}: SIGTERM, and SIGKILL only if it ignores that. */
    static void stop(ProcessHandle process) {
        process.destroy();
        try {
            process.onExit().get(60, TimeUnit.SECONDS);
        } catch (Exception stillRunning) {
            process.destroyForcibly();
            process.onExit().join();
        }
    }

    /** Polls {@code condition} every 500 ms until it holds; fails with {@code what} after {@code timeout}. */
    static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout + ": " + what);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }

    private static ProcessHandle alive(long pid, String name) {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .orElseThrow(() -> new AssertionError(name + " (pid " + pid + ") is not running"));
    }

    private static Long pidProperty(String text) {
        return text.lines()
                .filter(l -> l.startsWith("pid="))
                .map(l -> Long.parseLong(l.substring(4).trim()))
                .findFirst()
                .orElse(null);
    }

    private static Long firstNumber(String text) {
        String first = text.trim().split("\\s+")[0];
        return first.matches("\\d+") ? Long.parseLong(first) : null;
    }

    /** A PID reused by an unrelated, later process does not count: the recorded one started before its file. */
    private static boolean startedBefore(ProcessHandle process, Path pidFile) {
        try {
            Instant written = Files.getLastModifiedTime(pidFile).toInstant();
            return process.info()
                    .startInstant()
                    .map(start -> start.isBefore(written.plusSeconds(2)))
                    .orElse(true);
        } catch (IOException e) {
            return false;
        }
    }

    private static String read(Path log) throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }
}
