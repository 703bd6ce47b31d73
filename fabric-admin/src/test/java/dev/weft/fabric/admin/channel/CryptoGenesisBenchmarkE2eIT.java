package dev.weft.fabric.admin.channel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.fabric.admin.crypto.CryptoGenerator;
import dev.weft.fabric.admin.crypto.CryptoMaterial;
import dev.weft.fabric.admin.crypto.CryptoStore;
import dev.weft.fabric.admin.crypto.Topology;
import dev.weft.testing.RequiresFabricBinaries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Times crypto material + genesis block for the walkthrough topology and a 10-org topology, against
 * {@code cryptogen generate} + {@code configtxgen -outputBlock} on the same topology and profile. Prints a Markdown
 * table (also written to {@code target/benchmarks/crypto-genesis.md}); asserts nothing about time.
 *
 * <pre>
 * FABRIC_BIN=/work/fabric/bin ./mvnw -B -pl fabric-admin verify -Pe2e -Dit.test=CryptoGenesisBenchmarkE2eIT
 * </pre>
 */
@RequiresFabricBinaries
class CryptoGenesisBenchmarkE2eIT {

    private static final int RUNS = 5;

    private final FabricTools tools = new FabricTools();

    @TempDir
    Path work;

    @Test
    void crypto_and_genesis_against_cryptogen_and_configtxgen() throws Exception {
        StringBuilder table = new StringBuilder();
        table.append("| topology | Weft first run in a fresh JVM (ms) | Weft median of ")
                .append(RUNS)
                .append(" (ms) | cryptogen + configtxgen median of ")
                .append(RUNS)
                .append(" (ms) | ratio tools / Weft median |\n");
        table.append("|---|---:|---:|---:|---:|\n");
        row(table, "walkthrough: 3 orderers, 2 orgs × 1 peer, admin, user", Topology.walkthrough());
        row(table, "10 orgs: 3 orderers, 10 orgs × 1 peer, admin, user", Topology.sample(10, 3, 1));
        table.append("\n")
                .append(System.getProperty("java.vm.name"))
                .append(' ')
                .append(System.getProperty("java.version"))
                .append(", ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" CPUs visible, load average at the end: ")
                .append(Files.readString(Path.of("/proc/loadavg")).trim())
                .append('\n');
        System.out.println("[benchmark]\n" + table);
        Path report = Path.of("target/benchmarks/crypto-genesis.md");
        Files.createDirectories(report.getParent());
        Files.writeString(report, table);
    }

    private void row(StringBuilder table, String label, Topology topology) throws Exception {
        long first =
                weft(topology, work.resolve("weft-first-" + topology.peerOrgs().size()));
        List<Long> weft = new ArrayList<>();
        List<Long> tools = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            weft.add(weft(topology, work.resolve("weft-" + topology.peerOrgs().size() + "-" + i)));
            tools.add(fabricTools(
                    topology, work.resolve("tools-" + topology.peerOrgs().size() + "-" + i)));
        }
        long weftMedian = median(weft);
        long toolsMedian = median(tools);
        table.append("| ")
                .append(label)
                .append(" | ")
                .append(first)
                .append(" | ")
                .append(weftMedian)
                .append(" | ")
                .append(toolsMedian)
                .append(" | ")
                .append(String.format("%.2f", (double) toolsMedian / Math.max(1, weftMedian)))
                .append(" |\n");
    }

    /** Generate, write the tree, build and write the block: what a provisioner does. */
    private long weft(Topology topology, Path dir) throws Exception {
        long start = System.nanoTime();
        CryptoMaterial crypto = new CryptoGenerator().generate(topology);
        CryptoStore.writeTo(crypto, dir.resolve("crypto-config"));
        byte[] block = GenesisBlockBuilder.create()
                .buildBytes(Profiles.localhost("mychannel", crypto).build());
        Files.write(dir.resolve("mychannel.block"), block);
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** cryptogen, then configtxgen on cryptogen's tree (the configtx.yaml rendering is not timed). */
    private long fabricTools(Topology topology, Path dir) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("crypto-config.yaml"), cryptoConfigYaml(topology));
        long start = System.nanoTime();
        tools.run(
                dir, Map.of(), "cryptogen", "generate", "--config", "crypto-config.yaml", "--output", "crypto-config");
        long cryptogen = System.nanoTime() - start;

        CryptoMaterial theirs = CryptoStore.load(dir.resolve("crypto-config"), topology);
        ChannelProfile profile = Profiles.localhost("mychannel", theirs).build();
        Files.writeString(
                dir.resolve("configtx.yaml"), ConfigtxYaml.render(profile, theirs, dir.resolve("crypto-config")));

        start = System.nanoTime();
        tools.run(
                dir,
                Map.of("FABRIC_CFG_PATH", dir.toString()),
                "configtxgen",
                "-profile",
                ConfigtxYaml.PROFILE,
                "-channelID",
                "mychannel",
                "-outputBlock",
                dir.resolve("mychannel.block").toString());
        long configtxgen = System.nanoTime() - start;
        assertThat(dir.resolve("mychannel.block")).isNotEmptyFile();
        return (cryptogen + configtxgen) / 1_000_000;
    }

    private static String cryptoConfigYaml(Topology topology) {
        StringBuilder y = new StringBuilder("OrdererOrgs:\n");
        for (Topology.OrdererOrg org : topology.ordererOrgs()) {
            y.append("  - Name: ")
                    .append(org.name())
                    .append("\n    Domain: ")
                    .append(org.domain())
                    .append("\n    EnableNodeOUs: true\n    Specs:\n");
            for (Topology.Node node : org.orderers()) {
                y.append("      - Hostname: ")
                        .append(node.name(), 0, node.name().indexOf('.'))
                        .append("\n        SANS: [")
                        .append(String.join(", ", node.sans()))
                        .append("]\n");
            }
        }
        y.append("PeerOrgs:\n");
        for (Topology.PeerOrg org : topology.peerOrgs()) {
            y.append("  - Name: ")
                    .append(org.name())
                    .append("\n    Domain: ")
                    .append(org.domain())
                    .append("\n    EnableNodeOUs: true\n    Template:\n      Count: ")
                    .append(org.peers().size())
                    .append("\n      SANS: [localhost, 127.0.0.1]\n    Users:\n      Count: ")
                    .append(org.users().size())
                    .append('\n');
        }
        return y.toString();
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
