package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreflightTest {

    @TempDir
    Path bin;

    @Test
    void says_fabric_bin_is_missing_and_where_binaries_come_from() {
        assertThat(Preflight.fabricProblems(Map.of()))
                .singleElement()
                .asString()
                .contains("FABRIC_BIN is not set")
                .contains("github.com/hyperledger/fabric/releases");
    }

    @Test
    void names_the_missing_executables_of_a_wrong_fabric_bin() throws IOException {
        Path peer = bin.resolve("peer");
        Files.writeString(peer, "#!/bin/sh\n");
        Files.setPosixFilePermissions(peer, PosixFilePermissions.fromString("rwxr-xr-x"));

        assertThat(Preflight.fabricProblems(Map.of("FABRIC_BIN", bin.toString())))
                .singleElement()
                .asString()
                .contains("has no executable orderer, osnadmin");
    }

    @Test
    void accepts_a_folder_with_every_executable() throws IOException {
        for (String name : List.of("peer", "orderer", "osnadmin")) {
            Path file = bin.resolve(name);
            Files.writeString(file, "#!/bin/sh\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        }

        assertThat(Preflight.fabricProblems(Map.of("FABRIC_BIN", bin.toString())))
                .isEmpty();
    }

    @Test
    void names_a_taken_port_its_use_and_how_to_move_the_base() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int base = taken.getLocalPort() - 1080;
            if (base < 1024 || base > 65_535 - 2_100) {
                return; // the ephemeral port cannot be the gateway port of a valid base; nothing to check
            }
            List<String> problems = Preflight.portProblems(new SuitePorts(base));

            assertThat(problems.get(0))
                    .isEqualTo("port " + taken.getLocalPort() + " (gateway-api HTTP) is already in use on 127.0.0.1.");
            assertThat(problems.get(problems.size() - 1))
                    .contains("--port-base")
                    .contains("WEFT_PORT_BASE");
        }
    }

    @Test
    void says_a_running_suite_was_started_with_another_base_when_its_kafka_port_is_free() throws IOException {
        int free;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            free = probe.getLocalPort();
        }
        int base = free - 2092;
        if (base < 1024 || base > 65_535 - 2_100) {
            return; // the ephemeral port cannot be the Kafka port of a valid base; nothing to check
        }

        assertThat(Preflight.otherBaseProblems(new SuitePorts(base), Path.of(".weft"), true))
                .singleElement()
                .asString()
                .contains("not with port base " + base)
                .contains("./weft down");
    }

    @Test
    void a_stopped_kafka_is_started_again_not_taken_for_another_base() throws IOException {
        int free;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            free = probe.getLocalPort();
        }

        assertThat(Preflight.otherBaseProblems(new SuitePorts(free - 2092), Path.of(".weft"), false))
                .isEmpty();
    }

    @Test
    void accepts_a_running_suite_that_holds_this_bases_kafka_port() throws IOException {
        try (ServerSocket kafka = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int base = kafka.getLocalPort() - 2092;
            if (base < 1024 || base > 65_535 - 2_100) {
                return; // the ephemeral port cannot be the Kafka port of a valid base; nothing to check
            }

            assertThat(Preflight.otherBaseProblems(new SuitePorts(base), Path.of(".weft"), true))
                    .isEmpty();
        }
    }
}
