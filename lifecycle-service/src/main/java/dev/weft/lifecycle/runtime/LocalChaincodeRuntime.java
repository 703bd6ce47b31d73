package dev.weft.lifecycle.runtime;

import dev.weft.lifecycle.model.ChaincodeResources;
import dev.weft.lifecycle.spec.ChaincodeSpec;
import dev.weft.lifecycle.spec.TlsMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Chaincode servers as local processes on 127.0.0.1. Each (organization, package) gets its own folder under
 * {@code <root>/<chaincode>/<org>/<package-hash>/} with {@code server.pid}, {@code server.log}, {@code package-id}
 * and the TLS files, and its own port: during an upgrade the old package's server keeps running next to the new one
 * until the new definition is committed. Processes outlive this service; the PID files let a restarted service find
 * them again.
 */
public final class LocalChaincodeRuntime implements ChaincodeRuntime {

    private static final Logger LOG = Logger.getLogger(LocalChaincodeRuntime.class);
    private static final String HOST = "127.0.0.1";

    private final Path root;
    private final Path defaultJar;

    /**
     * @param root the folder of the server folders
     * @param defaultJar the jar run when a spec names neither command nor jar
     */
    public LocalChaincodeRuntime(Path root, Path defaultJar) {
        this.root = root.toAbsolutePath();
        this.defaultJar = defaultJar.toAbsolutePath().normalize();
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public String address(ChaincodeSpec spec, String mspId, String namespace, Optional<String> reserved) {
        return reserved.orElseGet(() -> HOST + ":" + freePort());
    }

    @Override
    public List<String> extraSans() {
        return List.of(HOST, "localhost");
    }

    @Override
    public synchronized boolean start(ServerLaunch launch) {
        if (isRunning(launch)) {
            return false;
        }
        Path dir = folder(launch.spec().name(), launch.mspId(), launch.packageId());
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("package-id"), launch.packageId(), StandardCharsets.UTF_8);
            ProcessBuilder builder = new ProcessBuilder(command(launch.spec()))
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            dir.resolve("server.log").toFile()));
            builder.environment().putAll(environment(launch, dir));
            Process process = builder.start();
            Files.writeString(dir.resolve("server.pid"), Long.toString(process.pid()), StandardCharsets.UTF_8);
            LOG.infof(
                    "started chaincode server %s for %s at %s (pid %d, log %s)",
                    launch.packageId(), launch.mspId(), launch.address(), process.pid(), dir.resolve("server.log"));
            return true;
        } catch (IOException e) {
            throw new ServerStartException(
                    "cannot start the chaincode server for " + launch.mspId() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean isRunning(ServerLaunch launch) {
        return isServing(launch.spec().name(), launch.mspId(), launch.packageId());
    }

    @Override
    public boolean isServing(String chaincode, String mspId, String packageId) {
        return process(folder(chaincode, mspId, packageId))
                .map(ProcessHandle::isAlive)
                .orElse(false);
    }

    @Override
    public void awaitAccepting(ServerLaunch launch, Duration timeout) {
        Path dir = folder(launch.spec().name(), launch.mspId(), launch.packageId());
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            if (!isRunning(launch)) {
                throw new ServerStartException("the chaincode server for " + launch.mspId()
                        + " exited; last log lines:\n" + tail(dir.resolve("server.log"), 20));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(launch.host(), launch.port()), 500);
                return;
            } catch (IOException notYet) {
                // still starting
            }
            if (Instant.now().isAfter(deadline)) {
                throw new ServerStartException("the chaincode server for " + launch.mspId() + " does not accept "
                        + "connections on " + launch.address() + " after " + timeout + "; last log lines:\n"
                        + tail(dir.resolve("server.log"), 20));
            }
            sleep(100);
        }
    }

    @Override
    public void retire(String chaincode, String mspId, ServerLaunch keep) {
        Path keepDir = folder(chaincode, mspId, keep.packageId());
        for (Path dir : list(root.resolve(chaincode).resolve(ChaincodeResources.orgSlug(mspId)))) {
            if (!dir.equals(keepDir)) {
                stop(dir);
            }
        }
    }

    @Override
    public void stopAll(String chaincode, String namespace) {
        for (Path org : list(root.resolve(chaincode))) {
            list(org).forEach(LocalChaincodeRuntime::stop);
        }
    }

    private List<String> command(ChaincodeSpec spec) {
        if (spec.server().command() != null) {
            return spec.server().command();
        }
        Path jar = spec.server().jar() != null ? Path.of(spec.server().jar()) : defaultJar;
        if (!Files.isRegularFile(jar)) {
            throw new ServerStartException("chaincode server jar not found: " + jar
                    + " (build chaincode-marbles, or set weft.lifecycle.chaincode-jar or server.jar)");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // C1 only and the serial collector: a chaincode server starts in about half the time, and small servers
        // gain nothing from the optimizing compiler's warm-up or a parallel collector.
        return List.of(
                java,
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-jar",
                jar.toAbsolutePath().toString());
    }

    private static Map<String, String> environment(ServerLaunch launch, Path dir) throws IOException {
        Map<String, String> env = new java.util.LinkedHashMap<>();
        env.put("CHAINCODE_SERVER_ADDRESS", launch.address());
        env.put("CHAINCODE_ID", launch.packageId());
        env.put("CORE_CHAINCODE_ID_NAME", launch.packageId());
        TlsMode tls = launch.spec().tls();
        if (tls != TlsMode.NONE) {
            Path tlsDir = Files.createDirectories(dir.resolve("tls"));
            write(tlsDir.resolve("tls.crt"), launch.tls().serverCertPem(), false);
            write(tlsDir.resolve("tls.key"), launch.tls().serverKeyPem(), true);
            write(tlsDir.resolve("ca.crt"), launch.tls().caCertPem(), false);
            env.put("CHAINCODE_TLS_CERT_FILE", tlsDir.resolve("tls.crt").toString());
            env.put("CHAINCODE_TLS_KEY_FILE", tlsDir.resolve("tls.key").toString());
            if (tls == TlsMode.MTLS) {
                env.put("CHAINCODE_TLS_CLIENT_CA_FILE", tlsDir.resolve("ca.crt").toString());
            }
        }
        return env;
    }

    private static void write(Path file, String content, boolean secret) throws IOException {
        Files.writeString(file, content, StandardCharsets.US_ASCII);
        if (secret) {
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // non-POSIX file systems keep their default permissions
            }
        }
    }

    private Path folder(String chaincode, String mspId, String packageId) {
        return root.resolve(chaincode)
                .resolve(ChaincodeResources.orgSlug(mspId))
                .resolve(ChaincodeResources.packageHash(packageId));
    }

    private static Optional<ProcessHandle> process(Path dir) {
        Path pidFile = dir.resolve("server.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            return ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void stop(Path dir) {
        process(dir).filter(ProcessHandle::isAlive).ifPresent(handle -> {
            handle.destroy();
            try {
                handle.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception stillRunning) {
                handle.destroyForcibly();
            }
            LOG.infof("stopped chaincode server %s (pid %d)", dir, handle.pid());
        });
        try {
            Files.deleteIfExists(dir.resolve("server.pid"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return new ArrayList<>(entries.filter(Files::isDirectory)
                    .sorted(Comparator.naturalOrder())
                    .toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerStartException("interrupted while waiting for the chaincode server", e);
        }
    }
}
