package dev.weft.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks made before {@code up} starts anything, so that it stops at once with a message that says what to do,
 * rather than half-way with a stack trace.
 */
final class Preflight {

    static final List<String> FABRIC_EXECUTABLES = List.of("peer", "orderer", "osnadmin");

    static final String WHERE_FABRIC_COMES_FROM = "Get the official Fabric 2.5 binaries from the release archive "
            + "hyperledger-fabric-linux-amd64-2.5.x.tar.gz (https://github.com/hyperledger/fabric/releases), unpack it, "
            + "and set FABRIC_BIN to its bin/ folder, e.g. export FABRIC_BIN=$HOME/fabric/bin";

    private Preflight() {}

    /** Problems with {@code FABRIC_BIN}; empty when the binaries are usable. */
    static List<String> fabricProblems(Map<String, String> environment) {
        String value = environment.get("FABRIC_BIN");
        if (value == null || value.isBlank()) {
            return List.of("FABRIC_BIN is not set. " + WHERE_FABRIC_COMES_FROM);
        }
        Path folder = Path.of(value);
        if (!Files.isDirectory(folder)) {
            return List.of("FABRIC_BIN=" + value + " is not a folder. " + WHERE_FABRIC_COMES_FROM);
        }
        List<String> missing = new ArrayList<>();
        for (String name : FABRIC_EXECUTABLES) {
            if (!Files.isExecutable(folder.resolve(name))) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            return List.of("FABRIC_BIN=" + value + " has no executable " + String.join(", ", missing) + ". "
                    + WHERE_FABRIC_COMES_FROM);
        }
        return List.of();
    }

    /** One message per port that is already taken on 127.0.0.1, naming its use and how to move the base. */
    static List<String> portProblems(SuitePorts ports) {
        List<String> problems = new ArrayList<>();
        ports.required().forEach((port, use) -> {
            if (!isFree(port)) {
                problems.add("port " + port + " (" + use + ") is already in use on 127.0.0.1.");
            }
        });
        if (!problems.isEmpty()) {
            problems.add("Choose another port base with --port-base or WEFT_PORT_BASE (now " + ports.base()
                    + "; the suite uses base..base+299 for Fabric, base+1080.. for the services and base+2092.. for"
                    + " Kafka), e.g. ./weft up --port-base "
                    + (ports.base() + 10_000 <= 60_000 ? ports.base() + 10_000 : 20_000));
        }
        return problems;
    }

    /**
     * For an {@code up} while parts of the suite in {@code workDir} run: a problem when its Kafka runs but does not
     * hold this base's Kafka port, i.e. the suite was started with another base. Without this check {@code up} would
     * wait for a Kafka that never comes and report that it did not start. A Kafka that stopped is no such sign: then
     * {@code up} starts it again.
     */
    static List<String> otherBaseProblems(SuitePorts ports, Path workDir, boolean kafkaRunning) {
        if (!kafkaRunning || !isFree(ports.kafka())) {
            return List.of();
        }
        return List.of("the suite in " + workDir + " is running, but not with port base " + ports.base()
                + " (its Kafka port " + ports.kafka() + " is free). Use the base it was started with,"
                + " or stop it first with ./weft down.");
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
