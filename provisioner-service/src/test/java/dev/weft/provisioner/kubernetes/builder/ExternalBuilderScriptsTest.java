package dev.weft.provisioner.kubernetes.builder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.provisioner.kubernetes.model.ExternalBuilderModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs Weft's {@code external} builder scripts, as shipped on the classpath, the way a peer does: with every POSIX
 * shell found here ({@code /bin/sh}, {@code dash}, {@code busybox sh}), against a real package made with {@code tar}.
 */
class ExternalBuilderScriptsTest {

    private static final String CONNECTION =
            "{\n  \"address\": \"{{.peername}}-marbles:9999\",\n  \"dial_timeout\": \"10s\",\n"
                    + "  \"tls_required\": false\n}\n";
    private static final String INDEX =
            "{\"index\":{\"fields\":[\"docType\",\"owner\"]},\"ddoc\":\"indexOwnerDoc\",\"name\":\"indexOwner\","
                    + "\"type\":\"json\"}";

    @TempDir
    Path tmp;

    private Path bin;

    static Stream<String> shells() {
        List<String> shells = new ArrayList<>();
        for (String candidate : List.of("/bin/sh", "/usr/bin/dash", "/bin/dash", "/bin/busybox")) {
            if (Files.isExecutable(Path.of(candidate))) {
                shells.add(candidate);
            }
        }
        if (shells.stream().noneMatch(s -> s.endsWith("dash"))) {
            System.out.println("dash not found: the builder scripts are tested with /bin/sh only");
        }
        return shells.stream().distinct();
    }

    @BeforeEach
    void copyScripts() throws IOException {
        bin = Files.createDirectories(tmp.resolve("builder/bin"));
        for (Map.Entry<String, String> script : ExternalBuilderModel.scripts().entrySet()) {
            Files.writeString(bin.resolve(script.getKey()), script.getValue());
        }
    }

    private Result run(String shell, String script, Map<String, String> env, Path... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(shell);
        if (shell.endsWith("busybox")) {
            command.add("sh");
        }
        command.add(bin.resolve(script).toString());
        for (Path arg : args) {
            command.add(arg.toString());
        }
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().remove("CHAINCODE_AS_A_SERVICE_BUILDER_CONFIG");
        pb.environment().putAll(env);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), output);
    }

    private record Result(int exit, String output) {}

    /** A package as the peer hands it to a builder: metadata folder, and code.tar.gz unpacked into the source folder. */
    private Path[] installedPackage(String type, boolean withIndex) throws Exception {
        Path code = Files.createDirectories(tmp.resolve("code"));
        Files.writeString(code.resolve("connection.json"), CONNECTION);
        if (withIndex) {
            Path indexes = Files.createDirectories(code.resolve("META-INF/statedb/couchdb/indexes"));
            Files.writeString(indexes.resolve("indexOwner.json"), INDEX);
        }
        Path metadata = Files.createDirectories(tmp.resolve("metadata"));
        Files.writeString(metadata.resolve("metadata.json"), "{\"type\":\"" + type + "\",\"label\":\"marbles_1.0\"}");
        return new Path[] {code, metadata};
    }

    /** The package file itself: {@code metadata.json} plus {@code code.tar.gz}, made with the real tar. */
    private Path packageFile() throws Exception {
        Path[] installed = installedPackage("ccaas", true);
        Path pkg = Files.createDirectories(tmp.resolve("pkg"));
        exec(installed[0], "tar", "-czf", pkg.resolve("code.tar.gz").toString(), "connection.json", "META-INF");
        Files.copy(installed[1].resolve("metadata.json"), pkg.resolve("metadata.json"));
        exec(pkg, "tar", "-czf", tmp.resolve("marbles.tgz").toString(), "metadata.json", "code.tar.gz");
        return tmp.resolve("marbles.tgz");
    }

    private static void exec(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(String.join(" ", command) + ": " + out).isZero();
    }

    @ParameterizedTest
    @MethodSource("shells")
    void every_script_parses(String shell) throws Exception {
        assumeTrue(!shell.endsWith("busybox"), "busybox sh -n is checked by running the scripts");
        for (String script : ExternalBuilderModel.SCRIPTS) {
            Process p = new ProcessBuilder(shell, "-n", bin.resolve(script).toString())
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor()).as(script + " under " + shell + ": " + out).isZero();
        }
    }

    // The 2.5 peer image runs these with dash: no pipefail, no [[ ]], no bash functions, and no jq there.
    @Test
    void scripts_avoid_bashisms_and_jq() {
        ExternalBuilderModel.scripts().forEach((name, text) -> {
            assertThat(text).as(name).startsWith("#!/bin/sh\n").contains("\nset -eu\n");
            String code = text.lines().filter(l -> !l.trim().startsWith("#")).reduce("", (a, b) -> a + b + "\n");
            assertThat(code)
                    .as(name)
                    .doesNotContain("pipefail", "[[ ", "function ", "jq ", "$'", "<<<", "source ", "local ");
        });
    }

    @ParameterizedTest
    @MethodSource("shells")
    void detect_claims_external_and_ccaas_packages_in_any_case(String shell) throws Exception {
        Path[] pkg = installedPackage("external", false);
        assertThat(run(shell, "detect", Map.of(), pkg).exit()).isZero();

        Files.writeString(pkg[1].resolve("metadata.json"), "{\n  \"label\": \"x\",\n  \"type\" : \"CCaaS\"\n}\n");
        assertThat(run(shell, "detect", Map.of(), pkg).exit()).isZero();
    }

    @ParameterizedTest
    @MethodSource("shells")
    void detect_leaves_other_packages_to_other_builders(String shell) throws Exception {
        Path[] pkg = installedPackage("golang", false);
        assertThat(run(shell, "detect", Map.of(), pkg).exit()).isEqualTo(1);

        Files.delete(pkg[1].resolve("metadata.json"));
        assertThat(run(shell, "detect", Map.of(), pkg).exit()).isEqualTo(1);
    }

    // build then release put connection.json and the CouchDB indexes where the peer reads them.
    @ParameterizedTest
    @MethodSource("shells")
    void build_and_release_deliver_connection_and_indexes(String shell) throws Exception {
        Path[] pkg = installedPackage("ccaas", true);
        Path build = tmp.resolve("build");
        Path release = tmp.resolve("release");
        Map<String, String> env = Map.of("CHAINCODE_AS_A_SERVICE_BUILDER_CONFIG", "{\"peername\":\"org1-peer0\"}");

        Result built = run(shell, "build", env, pkg[0], pkg[1], build);
        Result released = run(shell, "release", Map.of(), build, release);

        assertThat(built.exit()).as(built.output()).isZero();
        assertThat(released.exit()).as(released.output()).isZero();
        assertThat(release.resolve("chaincode/server/connection.json"))
                .content()
                .isEqualTo(CONNECTION.replace("{{.peername}}", "org1-peer0"));
        assertThat(release.resolve("statedb/couchdb/indexes/indexOwner.json"))
                .content()
                .isEqualTo(INDEX);
        assertThat(build.resolve("metadata.json")).exists();
    }

    // Run by hand on an unpacked package file, build finds connection.json inside code.tar.gz.
    @ParameterizedTest
    @MethodSource("shells")
    void build_unpacks_code_tar_gz_when_given_the_package_contents(String shell) throws Exception {
        Path contents = Files.createDirectories(tmp.resolve("contents"));
        exec(contents, "tar", "-xzf", packageFile().toString());
        Path build = tmp.resolve("build");
        Path release = tmp.resolve("release");
        Map<String, String> env =
                Map.of("CHAINCODE_AS_A_SERVICE_BUILDER_CONFIG", "{\"peername\": \"p0\", \"x\": \"y\"}");

        assertThat(run(shell, "build", env, contents, contents, build).exit()).isZero();
        assertThat(run(shell, "release", Map.of(), build, release).exit()).isZero();

        assertThat(release.resolve("chaincode/server/connection.json"))
                .content()
                .contains("\"p0-marbles:9999\"");
        assertThat(release.resolve("statedb/couchdb/indexes/indexOwner.json")).exists();
        assertThat(build.resolve(".code")).doesNotExist();
    }

    @ParameterizedTest
    @MethodSource("shells")
    void build_fails_on_placeholders_without_values(String shell) throws Exception {
        Path[] pkg = installedPackage("ccaas", false);

        Result r = run(shell, "build", Map.of(), pkg[0], pkg[1], tmp.resolve("build"));

        assertThat(r.exit()).isNotZero();
        assertThat(r.output()).contains("{{.peername}}");
    }

    @ParameterizedTest
    @MethodSource("shells")
    void build_fails_without_connection_json(String shell) throws Exception {
        Path[] pkg = installedPackage("external", false);
        Files.delete(pkg[0].resolve("connection.json"));

        Result r = run(shell, "build", Map.of(), pkg[0], pkg[1], tmp.resolve("build"));

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.output()).contains("connection.json is missing");
    }

    @ParameterizedTest
    @MethodSource("shells")
    void release_without_indexes_releases_only_the_connection(String shell) throws Exception {
        Path[] pkg = installedPackage("external", false);
        Files.writeString(pkg[0].resolve("connection.json"), "{\"address\":\"cc:9999\"}");
        Path build = tmp.resolve("build");
        Path release = tmp.resolve("release");

        assertThat(run(shell, "build", Map.of(), pkg[0], pkg[1], build).exit()).isZero();
        assertThat(run(shell, "release", Map.of(), build, release).exit()).isZero();

        assertThat(release.resolve("chaincode/server/connection.json"))
                .content()
                .isEqualTo("{\"address\":\"cc:9999\"}");
        assertThat(release.resolve("statedb")).doesNotExist();
    }
}
