package dev.weft.provisioner.local;

import dev.weft.provisioner.kubernetes.model.ExternalBuilderModel;
import dev.weft.provisioner.spec.FabricNode;
import dev.weft.provisioner.spec.StateDatabase;
import dev.weft.provisioner.workflow.NetworkPlan;
import dev.weft.provisioner.workflow.NetworkRuntime;
import dev.weft.provisioner.workflow.NodeAddress;
import dev.weft.provisioner.workflow.RuntimeStepException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Runs a network as local processes from {@code FABRIC_BIN}. Each node's PID is kept in its folder: {@link #apply}
 * adopts a live node it started before (also after a service restart) and starts the others, {@link #delete} stops
 * exactly the processes recorded there.
 *
 * <pre>{@code
 * LocalRuntime local = new LocalRuntime(LocalFabric.of(Optional.of(Path.of("/opt/fabric/bin")), Optional.empty()));
 * local.apply(plan);
 * local.awaitReady(plan, Duration.ofMinutes(2));
 * local.delete(plan, false); // stops the nodes, keeps their data
 * }</pre>
 */
public final class LocalRuntime implements NetworkRuntime {

    private static final Logger LOG = Logger.getLogger(LocalRuntime.class);
    private static final String CA_PASSWORD_FILE = "bootstrap-admin-password";
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final LocalFabric fabric;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public LocalRuntime(LocalFabric fabric) {
        this.fabric = fabric;
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public Optional<String> unavailableReason() {
        return fabric.problem();
    }

    @Override
    public boolean isApplied(NetworkPlan plan) {
        return commands(plan).stream()
                .allMatch(c -> NodeProcesses.running(c.folder()).isPresent());
    }

    @Override
    public void apply(NetworkPlan plan) {
        fabric.problem().ifPresent(problem -> {
            throw new RuntimeStepException(problem, "install the Fabric 2.5 binaries and set FABRIC_BIN");
        });
        copyBuilder(plan);
        for (NodeCommand command : commands(plan)) {
            Optional<ProcessHandle> running = NodeProcesses.running(command.folder());
            if (running.isPresent()) {
                LOG.infof(
                        "network %s: adopted %s (pid %d)",
                        plan.name(), command.node(), running.get().pid());
                continue;
            }
            writeConfig(command);
            NodeProcesses.start(command);
        }
    }

    @Override
    public boolean isReady(NetworkPlan plan) {
        return commands(plan).stream().allMatch(this::healthy);
    }

    @Override
    public void awaitReady(NetworkPlan plan, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        for (NodeCommand command : commands(plan)) {
            while (!healthy(command)) {
                if (NodeProcesses.running(command.folder()).isEmpty()) {
                    throw notReady(command, "exited");
                }
                if (Instant.now().isAfter(deadline)) {
                    throw notReady(command, "is not healthy after " + timeout.toSeconds() + " s");
                }
                sleep(200);
            }
        }
    }

    @Override
    public NodeAddress clientAddress(NetworkPlan plan, FabricNode node) {
        return address(plan, plan.naming().localPorts(node).listen());
    }

    @Override
    public NodeAddress clusterAddress(NetworkPlan plan, FabricNode orderer) {
        return address(plan, plan.naming().localPorts(orderer).cluster());
    }

    @Override
    public NodeAddress adminAddress(NetworkPlan plan, FabricNode orderer) {
        return address(plan, plan.naming().localPorts(orderer).admin());
    }

    @Override
    public Optional<NodeAddress> caAddress(NetworkPlan plan, FabricNode ca) {
        return fabric.hasCaServer()
                ? Optional.of(address(plan, plan.naming().localPorts(ca).listen()))
                : Optional.empty();
    }

    @Override
    public String adminIdentity(NetworkPlan plan, String mspId) {
        return "file:" + plan.adminMsp(mspId);
    }

    @Override
    public List<String> notes(NetworkPlan plan) {
        List<String> notes = new ArrayList<>();
        if (!plan.naming().cas().isEmpty() && !fabric.hasCaServer()) {
            notes.add("CAs skipped: fabric-ca-server is not in FABRIC_BIN (" + fabric.bin() + "); the orgs' CA "
                    + "certificates and keys are in the crypto folder");
        }
        if (plan.spec().stateDatabase() == StateDatabase.COUCHDB
                && plan.spec().local().couchDbUrl() == null) {
            notes.add("state database: LevelDB (the local runtime uses CouchDB only when local.couchDbUrl is set)");
        }
        return notes;
    }

    @Override
    public void delete(NetworkPlan plan, boolean purge) {
        Path nodes = plan.folder().root().resolve("nodes");
        if (Files.isDirectory(nodes)) {
            try (Stream<Path> dirs = Files.list(nodes)) {
                dirs.forEach(dir -> {
                    if (NodeProcesses.stop(dir, STOP_GRACE)) {
                        LOG.infof("network %s: stopped %s", plan.name(), dir.getFileName());
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (purge) {
            deleteTree(plan.folder().root());
        }
    }

    /** The nodes this runtime runs for the plan. */
    List<NodeCommand> commands(NetworkPlan plan) {
        return new LocalNodeCommands(fabric, plan).all(ca -> caPassword(plan, ca));
    }

    private NodeAddress address(NetworkPlan plan, int port) {
        return new NodeAddress(plan.spec().local().host(), port);
    }

    private boolean healthy(NodeCommand command) {
        try {
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + command.operationsPort() + "/healthz"))
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private RuntimeStepException notReady(NodeCommand command, String what) {
        return new RuntimeStepException(
                command.node() + " " + what + "; last log lines:\n" + tail(command.log(), 15), "read " + command.log());
    }

    /** Sample config copied per node: a node may not share its config folder, and Docker is off for peers. */
    private void writeConfig(NodeCommand command) {
        String file = command.environment().containsKey("CORE_PEER_ID") ? "core.yaml" : "orderer.yaml";
        if (command.executable().getFileName().toString().equals("fabric-ca-server")) {
            return;
        }
        try {
            Path target = command.folder().resolve("config");
            Files.createDirectories(target);
            String text = Files.readString(fabric.config().resolve(file), StandardCharsets.UTF_8)
                    .replace("endpoint: unix:///var/run/docker.sock", "endpoint: \"\"");
            Files.writeString(target.resolve(file), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the config of " + command.node(), e);
        }
    }

    /** Copies Weft's builder scripts out of the classpath and makes them executable. */
    private void copyBuilder(NetworkPlan plan) {
        Path bin = new LocalNodeCommands(fabric, plan).weftBuilder().resolve("bin");
        try {
            Files.createDirectories(bin);
            for (Map.Entry<String, String> script :
                    ExternalBuilderModel.scripts().entrySet()) {
                Path file = bin.resolve(script.getKey());
                Files.writeString(file, script.getValue(), StandardCharsets.UTF_8);
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the builder scripts to " + bin, e);
        }
    }

    /** The CA's bootstrap admin password: made once, kept owner-readable in the CA's folder, never logged. */
    private static String caPassword(NetworkPlan plan, FabricNode ca) {
        Path file = plan.folder().node(ca.name()).resolve(CA_PASSWORD_FILE);
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            Files.createDirectories(file.getParent());
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            String password = HexFormat.of().formatHex(random);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, password, StandardCharsets.UTF_8);
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the CA password in " + file, e);
        }
    }

    private static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
