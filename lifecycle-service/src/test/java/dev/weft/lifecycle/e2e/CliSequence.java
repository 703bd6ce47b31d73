package dev.weft.lifecycle.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The walkthrough's CLI sequence for comparison: package (tar), install ×2, approveformyorg ×2, checkcommitreadiness,
 * commit, invoke --isInit — each a {@code peer} process, run one after the other as the walkthrough does.
 */
final class CliSequence {

    private final LocalFabric fabric;
    private final Path dir;
    private final Map<String, Long> timings = new LinkedHashMap<>();

    CliSequence(LocalFabric fabric, Path dir) {
        this.fabric = fabric;
        this.dir = dir;
    }

    Map<String, Long> timings() {
        return timings;
    }

    /** Starts the chaincode server for a package id and waits until it accepts connections. */
    interface ServerStarter {
        void start(String packageId) throws Exception;
    }

    /** Runs the whole sequence, starting the chaincode server after the installs as the walkthrough does. */
    void run(String name, String label, String address, ServerStarter server) throws Exception {
        Files.createDirectories(dir);
        long start = System.nanoTime();
        Files.writeString(
                dir.resolve("connection.json"),
                "{\"address\":\"" + address + "\",\"dial_timeout\":\"10s\",\"tls_required\":false}");
        Files.writeString(dir.resolve("metadata.json"), "{\"type\":\"ccaas\",\"label\":\"" + label + "\"}");
        exec("package", null, List.of("tar", "cfz", "code.tar.gz", "connection.json"));
        exec("package", null, List.of("tar", "cfz", "pkg.tgz", "metadata.json", "code.tar.gz"));
        timings.put("package", (System.nanoTime() - start) / 1_000_000);
        LocalFabric.Peer org1 = fabric.peers().get(0);
        LocalFabric.Peer org2 = fabric.peers().get(1);
        String packageId = label + ":" + sha256(Files.readAllBytes(dir.resolve("pkg.tgz")));
        timed("install org1", org1, List.of("lifecycle", "chaincode", "install", "pkg.tgz"));
        timed("install org2", org2, List.of("lifecycle", "chaincode", "install", "pkg.tgz"));
        long serverStart = System.nanoTime();
        server.start(packageId);
        timings.put("server", (System.nanoTime() - serverStart) / 1_000_000);
        List<String> definition = List.of(
                "--channelID",
                LocalFabric.CHANNEL,
                "--name",
                name,
                "--version",
                "1.0",
                "--sequence",
                "1",
                "--init-required");
        timed(
                "approve org1",
                org1,
                concat(
                        List.of("lifecycle", "chaincode", "approveformyorg", "--package-id", packageId),
                        definition,
                        orderer()));
        timed(
                "approve org2",
                org2,
                concat(
                        List.of("lifecycle", "chaincode", "approveformyorg", "--package-id", packageId),
                        definition,
                        orderer()));
        timed(
                "checkcommitreadiness",
                org1,
                concat(List.of("lifecycle", "chaincode", "checkcommitreadiness"), definition, List.of()));
        timed("commit", org1, concat(List.of("lifecycle", "chaincode", "commit"), definition, orderer(), peers()));
        timed(
                "init",
                org1,
                concat(
                        List.of(
                                "chaincode",
                                "invoke",
                                "--isInit",
                                "--waitForEvent",
                                "-C",
                                LocalFabric.CHANNEL,
                                "-n",
                                name,
                                "-c",
                                "{\"Args\":[\"Init\"]}"),
                        orderer(),
                        peers()));
    }

    private List<String> orderer() {
        LocalFabric.Orderer orderer = fabric.orderers().get(0);
        return List.of(
                "-o",
                LocalFabric.HOST + ":" + orderer.port(),
                "--tls",
                "--cafile",
                fabric.tlsCaFile(orderer.material()).toString());
    }

    private List<String> peers() {
        List<String> args = new ArrayList<>();
        for (LocalFabric.Peer peer : fabric.peers()) {
            args.addAll(List.of(
                    "--peerAddresses",
                    LocalFabric.HOST + ":" + peer.port(),
                    "--tlsRootCertFiles",
                    fabric.tlsCaFile(peer.material()).toString()));
        }
        return args;
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        List<String> all = new ArrayList<>();
        for (List<String> part : parts) {
            all.addAll(part);
        }
        return all;
    }

    private void timed(String step, LocalFabric.Peer peer, List<String> args) throws Exception {
        long start = System.nanoTime();
        List<String> command = new ArrayList<>();
        command.add(fabric.fabricBin().resolve("peer").toString());
        command.addAll(args);
        exec(step, fabric.cliEnvironment(peer), command);
        timings.put(step, (System.nanoTime() - start) / 1_000_000);
    }

    private void exec(String step, Map<String, String> env, List<String> command) throws Exception {
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        if (env != null) {
            builder.environment().putAll(env);
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException("CLI step " + step + " failed: " + output);
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
