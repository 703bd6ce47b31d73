package dev.weft.provisioner.local;

import dev.weft.fabric.admin.crypto.CryptoMaterial;
import dev.weft.fabric.admin.crypto.CryptoStore;
import dev.weft.fabric.admin.crypto.OrgMaterial;
import dev.weft.provisioner.spec.FabricNode;
import dev.weft.provisioner.spec.NetworkNaming;
import dev.weft.provisioner.spec.NetworkSpec;
import dev.weft.provisioner.workflow.AdminOperations;
import dev.weft.provisioner.workflow.FabricAdminOperations;
import dev.weft.provisioner.workflow.NetworkFolder;
import dev.weft.provisioner.workflow.NetworkTopology;
import dev.weft.provisioner.workflow.NodeAddress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Asks the real nodes of a local network what they serve, with the admin identities from its crypto folder. */
final class FabricChecks {

    private final NetworkNaming naming;
    private final CryptoMaterial crypto;
    private final AdminOperations admin = new FabricAdminOperations(Duration.ofSeconds(30));

    FabricChecks(NetworkSpec spec, NetworkFolder folder) {
        this.naming = NetworkNaming.of(spec);
        this.crypto = CryptoStore.load(folder.crypto(), NetworkTopology.of(naming));
    }

    /** Orderer name → channels (osnadmin list). */
    Map<String, List<String>> ordererChannels() {
        Map<String, List<String>> channels = new LinkedHashMap<>();
        for (FabricNode orderer : naming.orderers()) {
            int port = naming.localPorts(orderer).admin();
            channels.put(orderer.name(), admin.ordererChannels(target(orderer, port)));
        }
        return channels;
    }

    /** Peer name → channels (cscc GetChannels). */
    Map<String, List<String>> peerChannels() {
        Map<String, List<String>> channels = new LinkedHashMap<>();
        for (FabricNode peer : naming.peers()) {
            int port = naming.localPorts(peer).listen();
            channels.put(peer.name(), admin.peerChannels(target(peer, port)));
        }
        return channels;
    }

    private AdminOperations.Target target(FabricNode node, int port) {
        OrgMaterial org = crypto.org(node.mspId());
        return new AdminOperations.Target(
                node.name(),
                new NodeAddress(naming.spec().local().host(), port),
                org.tlsCa().certificate(),
                org.admin());
    }

    /** Every private key file under the crypto folder, by relative path. */
    static Map<String, byte[]> keyFiles(Path crypto) throws IOException {
        Map<String, byte[]> keys = new TreeMap<>();
        try (Stream<Path> files = Files.walk(crypto)) {
            for (Path f : files.filter(
                            f -> f.toString().endsWith("_sk") || f.toString().endsWith(".key"))
                    .toList()) {
                keys.put(crypto.relativize(f).toString(), Files.readAllBytes(f));
            }
        }
        return keys;
    }

    /** Node name → PID of the live process recorded in its folder. */
    static Map<String, Long> livePids(NetworkFolder folder) throws IOException {
        Map<String, Long> pids = new TreeMap<>();
        Path nodes = folder.root().resolve("nodes");
        if (!Files.isDirectory(nodes)) {
            return pids;
        }
        try (Stream<Path> dirs = Files.list(nodes)) {
            for (Path dir : dirs.toList()) {
                NodeProcesses.running(dir)
                        .ifPresent(p -> pids.put(dir.getFileName().toString(), p.pid()));
            }
        }
        return pids;
    }

    /** Stops every process recorded under the network's folder (clean-up after a test). */
    static void stopAll(NetworkFolder folder) throws IOException {
        Path nodes = folder.root().resolve("nodes");
        if (!Files.isDirectory(nodes)) {
            return;
        }
        try (Stream<Path> dirs = Files.list(nodes)) {
            for (Path dir : dirs.toList()) {
                NodeProcesses.stop(dir, Duration.ofSeconds(10));
            }
        }
    }
}
