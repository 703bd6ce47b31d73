package dev.weft.chaincode.marbles.server;

import dev.weft.chaincode.testpeer.ChaincodeConnection;
import dev.weft.chaincode.testpeer.TestPeer;
import dev.weft.chaincode.testpeer.TlsOptions;
import dev.weft.chaincode.testpeer.TransactionResult;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Measures the chaincode server through the test peer over loopback; prints Markdown for docs/benchmarks.md. Not a
 * test: nothing is asserted, the figures are recorded.
 *
 * <pre>{@code
 * ./mvnw -B -q -pl chaincode-marbles package -DskipTests
 * ./mvnw -B -q -pl chaincode-marbles dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-cp.txt
 * java -cp "chaincode-marbles/target/test-classes:chaincode-marbles/target/classes:$(cat chaincode-marbles/target/test-cp.txt)" \
 *   dev.weft.chaincode.marbles.server.MarblesBenchmark [startupRuns] [transactionsPerCell]
 * }</pre>
 *
 * <p>The server runs as its own process from the runnable jar (so its resident memory is its own); the test peer
 * runs in this JVM. Both share the machine's cores.
 */
public final class MarblesBenchmark {

    private static final String ID = "marbles_1.0:bench";

    private MarblesBenchmark() {}

    public static void main(String[] args) throws Exception {
        int startupRuns = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        int perCell = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        System.out.println("## environment");
        System.out.println(
                "- JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        System.out.println("- cores: " + Runtime.getRuntime().availableProcessors() + ", load average at start: "
                + ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        if (startupRuns > 0) {
            startup(startupRuns);
        }
        if (perCell > 0) {
            throughput(perCell);
        }
    }

    // ---- start-up: process start to REGISTER ----

    private static void startup(int runs) throws Exception {
        System.out.println();
        System.out.println("## start-up (process start to REGISTER received by the test peer), " + runs + " runs each");
        System.out.println();
        System.out.println("| variant | wall ms median | wall ms min | wall ms max | server CPU ms median |");
        System.out.println("| --- | ---: | ---: | ---: | ---: |");
        String archive = trainArchive();
        List<List<String>> variants = List.of(
                List.of("-version"),
                List.of(),
                List.of("-XX:+UseSerialGC"),
                List.of("-XX:SharedArchiveFile=" + archive, "-XX:+UseSerialGC"),
                List.of("-XX:SharedArchiveFile=" + archive, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        List<String> names = List.of(
                "baseline: `java -version` (JVM start and exit, no application)",
                "runner jar, default JVM flags",
                "runner jar, -XX:+UseSerialGC",
                "runner jar, AppCDS archive, -XX:+UseSerialGC",
                "runner jar, AppCDS archive, -XX:+UseSerialGC -XX:TieredStopAtLevel=1 (the Dockerfile's setting)");
        for (int v = 0; v < variants.size(); v++) {
            long[] millis = new long[runs];
            long[] cpu = new long[runs];
            for (int i = 0; i < runs; i++) {
                long[] sample = variants.get(v).contains("-version") ? jvmOnly() : timeToRegister(variants.get(v));
                millis[i] = sample[0];
                cpu[i] = sample[1];
            }
            Arrays.sort(millis);
            Arrays.sort(cpu);
            long cpuMedian = cpu[runs / 2];
            System.out.printf(
                    "| %s | %d | %d | %d | %s |%n",
                    names.get(v),
                    millis[runs / 2],
                    millis[0],
                    millis[runs - 1],
                    cpuMedian < 0 ? "n/a" : Long.toString(cpuMedian));
        }
    }

    /** Writes an application class-data-sharing archive, as the Dockerfile's build stage does. */
    private static String trainArchive() throws Exception {
        java.nio.file.Path archive =
                java.nio.file.Files.createTempDirectory("marbles-cds").resolve("marbles.jsa");
        String javaCommand = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(
                        javaCommand,
                        "-XX:ArchiveClassesAtExit=" + archive,
                        "-cp",
                        ServerProcess.runnerJar().toString(),
                        ClassDataSharingTraining.class.getName())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (process.waitFor() != 0 || !Files.exists(archive)) {
            throw new IllegalStateException("class-data-sharing training failed");
        }
        return archive.toString();
    }

    /** Wall and CPU milliseconds from process start until the test peer has the REGISTER message. */
    private static long[] timeToRegister(List<String> jvmArgs) throws Exception {
        int port = ServerProcess.freePort();
        try (ServerProcess server = ServerProcess.start(
                Map.of("CHAINCODE_SERVER_ADDRESS", "127.0.0.1:" + port, "CHAINCODE_ID", ID), jvmArgs)) {
            // Poll the port cheaply (a peer would retry too), then dial for real.
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline && !listening(port)) {
                Thread.sleep(2);
            }
            try (ChaincodeConnection peer = TestPeer.connect("127.0.0.1", port, TlsOptions.plaintext())) {
                return new long[] {server.nanosSinceStart() / 1_000_000, server.cpuMillis()};
            }
        }
    }

    private static long[] jvmOnly() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        long start = System.nanoTime();
        Process process =
                new ProcessBuilder(java, "-version").redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        process.waitFor();
        long cpu = process.info().totalCpuDuration().map(d -> d.toMillis()).orElse(-1L);
        return new long[] {(System.nanoTime() - start) / 1_000_000, cpu};
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 100);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    // ---- transactions ----

    private static void throughput(int perCell) throws Exception {
        int port = ServerProcess.freePort();
        try (ServerProcess server = ServerProcess.start(
                        Map.of("CHAINCODE_SERVER_ADDRESS", "127.0.0.1:" + port, "CHAINCODE_ID", ID), List.of());
                ChaincodeConnection peer =
                        server.connect(TestPeer.Options.of("127.0.0.1", port), Duration.ofSeconds(60))) {
            AtomicInteger count = new AtomicInteger();
            AtomicInteger names = new AtomicInteger();
            for (int i = 0; i < 100; i++) {
                peer.invoke("initMarble", "seed" + i, "blue", "10", "tom");
            }
            // Warm-up: the JIT has to see the paths before they are measured.
            run(peer, 1, 1500, n -> peer.query("readMarble", "seed" + (n % 100)), count);
            run(
                    peer,
                    16,
                    1500,
                    n -> peer.invoke("initMarble", "warm" + names.incrementAndGet(), "red", "1", "ann"),
                    count);
            long rssAfterWarmup = server.residentKib();

            System.out.println();
            System.out.println("## transactions through the test peer over loopback (" + perCell
                    + " transactions per row, after " + count.get() + " warm-up transactions)");
            System.out.println();
            System.out.println("| function | concurrent | tx/s | p50 ms | p99 ms |");
            System.out.println("| --- | ---: | ---: | ---: | ---: |");
            for (int concurrency : new int[] {1, 16}) {
                report(
                        "Init (baseline: no ledger access)",
                        concurrency,
                        run(peer, concurrency, perCell, n -> peer.query("Init"), count));
                report(
                        "readMarble",
                        concurrency,
                        run(peer, concurrency, perCell, n -> peer.query("readMarble", "seed" + (n % 100)), count));
                report(
                        "initMarble",
                        concurrency,
                        run(
                                peer,
                                concurrency,
                                perCell,
                                n -> peer.invoke("initMarble", "m" + names.incrementAndGet(), "blue", "35", "tom"),
                                count));
            }
            while (count.get() < 10_000) {
                run(peer, 16, 1000, n -> peer.query("readMarble", "seed" + (n % 100)), count);
            }
            System.out.println();
            System.out.println("## resident memory of the server process (VmRSS)");
            System.out.println();
            System.out.println("- after warm-up: " + rssAfterWarmup / 1024 + " MiB");
            System.out.println("- after " + count.get() + " transactions: " + server.residentKib() / 1024 + " MiB");
            System.out.println("- server JVM flags: defaults (no -Xmx), ergonomics on this machine");
        }
    }

    private record Cell(double txPerSecond, double p50Millis, double p99Millis) {}

    private static Cell run(
            ChaincodeConnection peer,
            int concurrency,
            int total,
            IntFunction<TransactionResult> transaction,
            AtomicInteger count)
            throws Exception {
        long[] latencies = new long[total];
        Semaphore inFlight = new Semaphore(concurrency);
        List<CompletableFuture<Void>> futures = new ArrayList<>(total);
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            int n = i;
            inFlight.acquire();
            futures.add(CompletableFuture.runAsync(
                    () -> {
                        try {
                            long t0 = System.nanoTime();
                            TransactionResult result = transaction.apply(n);
                            latencies[n] = System.nanoTime() - t0;
                            if (!result.isSuccess()) {
                                throw new IllegalStateException("transaction failed: " + result.message());
                            }
                            count.incrementAndGet();
                        } finally {
                            inFlight.release();
                        }
                    },
                    concurrency == 1 ? Runnable::run : POOL));
        }
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
        long elapsed = System.nanoTime() - start;
        Arrays.sort(latencies);
        return new Cell(
                total / (elapsed / 1e9),
                latencies[total / 2] / 1e6,
                latencies[(int) Math.ceil(total * 0.99) - 1] / 1e6);
    }

    private static final java.util.concurrent.ExecutorService POOL =
            java.util.concurrent.Executors.newFixedThreadPool(16, runnable -> {
                Thread thread = new Thread(runnable, "bench-client");
                thread.setDaemon(true);
                return thread;
            });

    private static void report(String function, int concurrency, Cell cell) {
        System.out.printf(
                "| %s | %d | %.0f | %.2f | %.2f |%n",
                function, concurrency, cell.txPerSecond(), cell.p50Millis(), cell.p99Millis());
    }
}
