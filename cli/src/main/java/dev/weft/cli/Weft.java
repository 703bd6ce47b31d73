package dev.weft.cli;

import dev.weft.events.ChaincodeFailed;
import dev.weft.events.CloudEvent;
import dev.weft.events.NetworkFailed;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code ./weft up | down | status}: runs the whole suite locally on 127.0.0.1.
 *
 * <p>{@code up} starts an embedded Kafka broker, the three services in local mode, asks the provisioner for the default
 * network (three Raft orderers, org1 and org2 with a peer each, {@code mychannel}); the lifecycle service deploys
 * marbles when the network is ready, and {@code up} returns once the gateway reports ready. Every part keeps its data
 * under the work folder, so {@code up} after a crash resumes, and {@code up} on a running suite starts nothing twice.
 *
 * <p>Callers of the services' APIs authenticate: {@code up} makes a local API key with every role once (see
 * {@link LocalApiKey}), gives the services the keys file, and uses the key for its own calls. {@code up --no-auth}
 * turns authentication off instead. {@code ./weft apikey new|revoke} manages further keys (see {@link ApiKeyCommand}).
 */
public final class Weft {

    static final Duration STOP_GRACE = Duration.ofSeconds(20);
    /**
     * How long a part may take to answer after it started. A service starts in seconds on an idle machine, but on a
     * busy 2-core machine one took 157 s; waiting longer costs nothing when it is healthy.
     */
    static final Duration START_TIMEOUT = Duration.ofMinutes(5);

    private final SuiteLayout layout;
    private final ProcessSupervisor supervisor;
    private final PrintStream out;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    Weft(SuiteLayout layout, PrintStream out) {
        this.layout = layout;
        this.supervisor = new ProcessSupervisor(layout.workDir());
        this.out = out;
    }

    public static void main(String[] args) {
        // The Kafka client logs every setting at INFO; the CLI shows progress lines, not client chatter.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        if (args.length > 0 && args[0].equals("apikey")) {
            System.exit(ApiKeyCommand.run(
                    java.util.Arrays.copyOfRange(args, 1, args.length), System.getenv(), System.out, System.err));
            return;
        }
        Options options;
        try {
            options = Options.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        SuiteLayout layout = new SuiteLayout(
                options.repository(),
                options.workDir(),
                options.ports(),
                Path.of(System.getenv().getOrDefault("FABRIC_BIN", "")),
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                System.getProperty("java.class.path"),
                options.gatewayIdentity(),
                options.auth());
        Weft weft = new Weft(layout, System.out);
        int code = switch (options.command()) {
            case "up" -> weft.up(options.timeout());
            case "preflight" -> weft.preflight();
            case "down" -> weft.down();
            case "status" -> weft.status();
            default -> throw new IllegalStateException("unhandled command " + options.command());
        };
        System.exit(code);
    }

    /** The checks {@code ./weft up} runs before it spends minutes building: FABRIC_BIN and free ports. */
    int preflight() {
        List<String> problems = new ArrayList<>(Preflight.fabricProblems(System.getenv()));
        if (problems.isEmpty()) {
            // A re-run of up on a running suite must not trip over the ports its own parts hold.
            problems.addAll(
                    noPartRunning()
                            ? Preflight.portProblems(layout.ports())
                            : Preflight.otherBaseProblems(
                                    layout.ports(),
                                    layout.workDir(),
                                    supervisor.running("kafka").isPresent()));
        }
        problems.forEach(p -> System.err.println("weft: " + p));
        return problems.isEmpty() ? 0 : 2;
    }

    int up(Duration timeout) {
        int preflight = preflight();
        if (preflight != 0) {
            return preflight;
        }
        List<String> missing = missingBuildOutputs();
        if (!missing.isEmpty()) {
            missing.forEach(p -> System.err.println("weft: " + p));
            return 2;
        }
        String apiKey;
        try {
            apiKey = layout.auth() ? new LocalApiKey(layout.securityDir()).ensure() : null;
        } catch (IOException | RuntimeException e) {
            return fail("cannot set up the local API key in " + layout.securityDir() + ": " + e.getMessage());
        }
        if (!layout.auth()) {
            System.err.println("weft: WARNING: --no-auth: the services accept every call without credentials."
                    + " They listen on 127.0.0.1 only, but any local user or process can use every API.");
        }
        Instant start = Instant.now();
        out.println("Starting Weft in " + layout.workDir().toAbsolutePath() + " (logs in "
                + layout.workDir().resolve("logs").toAbsolutePath() + ")");
        startIfNeeded(layout.kafka());
        if (!awaitPort(layout.ports().kafka(), START_TIMEOUT)) {
            return fail("Kafka did not start; see " + supervisor.log("kafka"));
        }
        AtomicReference<String> failure = new AtomicReference<>();
        try (EventFollower follower = new EventFollower(
                        "127.0.0.1:" + layout.ports().kafka(), start.minusSeconds(1), event -> {
                            out.println(EventLine.format(Duration.between(start, Instant.now()), event));
                            failureOf(event).ifPresent(failure::set);
                        })
                .start()) {
            for (SuiteLayout.Part service : List.of(layout.provisioner(), layout.lifecycle(), layout.gateway())) {
                startIfNeeded(service);
            }
            for (SuiteLayout.Part service : List.of(layout.provisioner(), layout.lifecycle())) {
                // Bounded by the whole timeout, not a fixed minute or two: on a loaded machine a Quarkus service may
                // take minutes to start, and a service that exits is noticed at once anyway.
                if (!awaitLive(service, timeout, failure)) {
                    return fail(service.name() + " did not start; see " + supervisor.log(service.name()));
                }
            }
            requestNetwork(apiKey);
            if (!awaitHttpOk(layout.gateway().healthUrl(), timeout, failure)) {
                return fail(Optional.ofNullable(failure.get())
                        .orElse("the suite was not ready within " + timeout + "; see the logs in "
                                + layout.workDir().resolve("logs")));
            }
        }
        printReady(Duration.between(start, Instant.now()));
        return 0;
    }

    int down() {
        List<SuiteLayout.Part> parts = new ArrayList<>(layout.parts());
        java.util.Collections.reverse(parts);
        for (SuiteLayout.Part part : parts) {
            boolean stopped = supervisor.stop(part.name(), STOP_GRACE);
            out.println((stopped ? "stopped  " : "not running ") + part.name());
        }
        // Nodes and servers adopted by a restarted service are not its descendants: stop them by their PID files.
        for (Path stray : new RecordedProcesses(layout.workDir()).stopAll(STOP_GRACE)) {
            out.println("stopped  " + stray);
        }
        return 0;
    }

    int status() {
        int running = 0;
        for (SuiteLayout.Part part : layout.parts()) {
            Optional<ProcessHandle> process = supervisor.running(part.name());
            String health = part.healthUrl() == null ? "" : "  health " + healthOf(part.healthUrl());
            out.printf(
                    "%-20s %s%s%n",
                    part.name(),
                    process.map(p -> "running (pid " + p.pid() + ")").orElse("stopped"),
                    health);
            running += process.isPresent() ? 1 : 0;
        }
        return running == layout.parts().size() ? 0 : 3;
    }

    private void startIfNeeded(SuiteLayout.Part part) {
        Optional<ProcessHandle> existing = supervisor.running(part.name());
        if (existing.isPresent()) {
            out.println("  " + part.name() + " already running (pid "
                    + existing.get().pid() + ")");
            return;
        }
        ProcessHandle handle = supervisor.start(part.name(), part.command(), part.environment(), layout.repository());
        out.println("  " + part.name() + " started (pid " + handle.pid() + ")");
    }

    private void requestNetwork(String apiKey) {
        String spec = "{\"name\":\"" + SuiteLayout.NETWORK + "\",\"stateDatabase\":\"leveldb\",\"local\":{\"portBase\":"
                + layout.ports().fabric() + "}}";
        HttpRequest.Builder builder = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + layout.ports().provisioner() + "/api/v1/networks"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(spec));
        if (apiKey != null) {
            builder.header("X-API-Key", apiKey);
        }
        HttpRequest request = builder.build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException("the provisioner refused the default network: HTTP "
                        + response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach the provisioner: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private void printReady(Duration elapsed) {
        int gateway = layout.ports().gateway();
        out.printf("%nWeft is ready (%.1f s).%n%n", elapsed.toMillis() / 1000.0);
        out.println("  REST API     http://127.0.0.1:" + gateway + "/api/v1/marbles");
        // The gateway runs in prod mode here, where Quarkus leaves Swagger UI out: name the OpenAPI document instead.
        out.println("  OpenAPI      http://127.0.0.1:" + gateway + "/q/openapi");
        out.println("  Events (SSE) http://127.0.0.1:" + gateway + "/api/v1/events");
        out.println("  Networks     http://127.0.0.1:" + layout.ports().provisioner() + "/api/v1/networks/"
                + SuiteLayout.NETWORK);
        out.println("  Chaincodes   http://127.0.0.1:" + layout.ports().lifecycle() + "/api/v1/chaincodes/"
                + SuiteLayout.CHAINCODE);
        out.println();
        String header = layout.auth() ? authHeader() : null;
        if (header != null) {
            out.println("Every API call needs the local API key (every role); it is in "
                    + localKey().keyFile() + ".");
            out.println("./weft apikey new --name <name> --roles <role,...> makes more (see docs/security.md).");
            out.println();
        }
        out.println("Create a marble:");
        out.println("  curl -s -X POST http://127.0.0.1:" + gateway + "/api/v1/marbles \\");
        if (header != null) {
            out.println("       " + header + " \\");
        }
        out.println("       -H 'Content-Type: application/json' \\");
        out.println("       -d '{\"name\":\"marble1\",\"color\":\"blue\",\"size\":35,\"owner\":\"tom\"}'");
        out.println();
        String same = sameSuiteOptions();
        out.println("Stop everything with ./weft down" + same + "; see each part with ./weft status" + same + ".");
    }

    /** The options that point {@code down} and {@code status} at this suite, when it does not use the defaults. */
    private String sameSuiteOptions() {
        StringBuilder options = new StringBuilder();
        if (layout.ports().base() != SuitePorts.DEFAULT_BASE) {
            options.append(" --port-base ").append(layout.ports().base());
        }
        if (!layout.workDir().equals(layout.repository().resolve(".weft").normalize())) {
            options.append(" --work-dir ").append(layout.workDir());
        }
        return options.toString();
    }

    /** The curl option that reads the key from its file: the key itself never appears in the output or logs. */
    private String authHeader() {
        return "-H \"X-API-Key: $(cat " + localKey().keyFile() + ")\"";
    }

    private LocalApiKey localKey() {
        return new LocalApiKey(layout.securityDir());
    }

    private boolean noPartRunning() {
        return layout.parts().stream()
                .noneMatch(p -> supervisor.running(p.name()).isPresent());
    }

    private List<String> missingBuildOutputs() {
        List<String> missing = new ArrayList<>();
        for (String module : List.of("provisioner-service", "lifecycle-service", "gateway-api")) {
            if (!Files.isRegularFile(layout.quarkusRunJar(module))) {
                missing.add(layout.quarkusRunJar(module) + " is missing: build first (./weft builds on demand).");
            }
        }
        if (!Files.isRegularFile(layout.marblesJar())) {
            missing.add(layout.marblesJar() + " is missing: build first (./weft builds on demand).");
        }
        return missing;
    }

    private boolean awaitPort(int port, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!Preflight.isFree(port)) {
                return true;
            }
            sleep(500);
        }
        return false;
    }

    private boolean awaitLive(SuiteLayout.Part service, Duration timeout, AtomicReference<String> failure) {
        String url = service.healthUrl().replace("/ready", "/live");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && failure.get() == null) {
            if (healthOf(url).equals("UP")) {
                return true;
            }
            if (supervisor.running(service.name()).isEmpty()) {
                return false;
            }
            sleep(1_000);
        }
        return false;
    }

    private boolean awaitHttpOk(String url, Duration timeout, AtomicReference<String> failure) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && failure.get() == null) {
            if (healthOf(url).equals("UP")) {
                return true;
            }
            sleep(1_000);
        }
        return false;
    }

    private String healthOf(String url) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(5))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? "UP" : "DOWN (HTTP " + response.statusCode() + ")";
        } catch (IOException e) {
            return "unreachable";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unreachable";
        }
    }

    private static Optional<String> failureOf(CloudEvent<?> event) {
        if (event.data() instanceof NetworkFailed || event.data() instanceof ChaincodeFailed) {
            return Optional.of(EventLine.describe(event.data()));
        }
        return Optional.empty();
    }

    private int fail(String message) {
        System.err.println("weft: " + message);
        System.err.println(
                "weft: the parts that started keep running; ./weft status shows them, ./weft down stops them,"
                        + " ./weft up resumes.");
        return 1;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Parsed command line. */
    record Options(
            String command,
            SuitePorts ports,
            Path workDir,
            Path repository,
            Duration timeout,
            SuiteLayout.GatewayIdentity gatewayIdentity,
            boolean auth) {

        static final String USAGE =
                "usage: ./weft up|down|status [--port-base N] [--work-dir DIR] [--timeout-minutes M] [--no-auth]"
                        + " [--gateway-identity org|per-caller]"
                        + "\n       ./weft apikey new --name NAME --roles ROLE[,ROLE...] [--keys-file FILE]"
                        + "\n       ./weft apikey revoke --name NAME [--keys-file FILE]"
                        + "\n  environment: FABRIC_BIN (required for up), WEFT_PORT_BASE, WEFT_WORK_DIR,"
                        + " WEFT_GATEWAY_IDENTITY";

        static Options parse(String[] args, Map<String, String> env) {
            if (args.length == 0
                    || !List.of("up", "down", "status", "preflight").contains(args[0])) {
                throw new IllegalArgumentException(
                        args.length == 0 ? "no command" : "unknown command '" + args[0] + "'");
            }
            int base = parseInt(
                    "WEFT_PORT_BASE", env.getOrDefault("WEFT_PORT_BASE", String.valueOf(SuitePorts.DEFAULT_BASE)));
            Path workDir = Path.of(env.getOrDefault("WEFT_WORK_DIR", ".weft"));
            Path repository =
                    Path.of(env.getOrDefault("WEFT_HOME", ".")).toAbsolutePath().normalize();
            Duration timeout = Duration.ofMinutes(15);
            SuiteLayout.GatewayIdentity identity = SuiteLayout.GatewayIdentity.parse(
                    "WEFT_GATEWAY_IDENTITY", env.getOrDefault("WEFT_GATEWAY_IDENTITY", "org"));
            boolean auth = true;
            for (int i = 1; i < args.length; i++) {
                String name = args[i];
                if (name.equals("--no-auth")) {
                    auth = false;
                    continue;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value for " + name);
                }
                String value = args[++i];
                switch (name) {
                    case "--port-base" -> base = parseInt(name, value);
                    case "--work-dir" -> workDir = Path.of(value);
                    case "--timeout-minutes" -> timeout = Duration.ofMinutes(parseInt(name, value));
                    case "--gateway-identity" -> identity = SuiteLayout.GatewayIdentity.parse(name, value);
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            }
            return new Options(
                    args[0],
                    new SuitePorts(base),
                    repository.resolve(workDir).normalize(),
                    repository,
                    timeout,
                    identity,
                    auth);
        }

        private static int parseInt(String name, String value) {
            try {
                return Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a number, was '" + value + "'");
            }
        }
    }
}
