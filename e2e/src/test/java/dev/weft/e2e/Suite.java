package dev.weft.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The suite as a user runs it: {@code ./weft up} and {@code ./weft down} from the checkout, on its own ports. */
final class Suite {

    private final Path repository;
    private final Path workDir;
    private final int portBase;

    Suite(Path workDir, int portBase) {
        this.repository = Path.of(System.getProperty("weft.repository", ".."))
                .toAbsolutePath()
                .normalize();
        this.workDir = workDir;
        this.portBase = portBase;
    }

    String gatewayUrl() {
        return "http://127.0.0.1:" + (portBase + 1080);
    }

    /**
     * The local API key {@code ./weft up} made (every role), read from the work folder where it keeps it: the one
     * credential a user of the local run has.
     */
    String apiKey() {
        try {
            return Files.readString(workDir.resolve("security/local-api-key")).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("no local API key: did ./weft up run?", e);
        }
    }

    /** The request with the local API key, as every call to the suite's APIs needs. */
    HttpRequest.Builder authorize(HttpRequest.Builder request) {
        return request.header("X-API-Key", apiKey());
    }

    String kafkaBootstrap() {
        return "127.0.0.1:" + (portBase + 2092);
    }

    /** Runs {@code ./weft <command>} and returns its output; fails the test when it exits non-zero. */
    String weft(String command, Duration timeout) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(repository.resolve("weft").toString(), command));
        if (!command.equals("down")) {
            args.addAll(List.of("--port-base", String.valueOf(portBase)));
        }
        Path log = Files.createTempFile("weft-" + command, ".log");
        ProcessBuilder builder = new ProcessBuilder(args)
                .directory(repository.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("WEFT_WORK_DIR", workDir.toString());
        builder.environment().put("WEFT_PORT_BASE", String.valueOf(portBase));
        Process process = builder.start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("./weft " + command + " did not finish within " + timeout + ":\n" + read(log));
        }
        String output = read(log);
        if (process.exitValue() != 0) {
            throw new AssertionError("./weft " + command + " exited " + process.exitValue() + ":\n" + output);
        }
        return output;
    }

    private static String read(Path log) throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }
}
