package dev.weft.fabric.admin.channel;

import dev.weft.testing.FabricBinaries;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs configtxgen / configtxlator / cryptogen from {@code FABRIC_BIN} and fails with their output. */
public final class FabricTools {

    private final FabricBinaries binaries = FabricBinaries.fromEnvironment();

    /** The path of a tool in {@code FABRIC_BIN}. */
    public Path executable(String tool) {
        return binaries.executable(tool);
    }

    /** Whether an optional tool is present. */
    public boolean has(String tool) {
        return binaries.has(tool);
    }

    /** Runs a tool to completion; its combined output is returned, or thrown with a non-zero exit. */
    public String run(Path workDir, Map<String, String> env, String tool, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(binaries.executable(tool).toString());
        command.addAll(List.of(args));
        Path log = Files.createTempFile(workDir, tool, ".log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(tool + " timed out");
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IllegalStateException(
                    tool + " " + String.join(" ", args) + " exited " + process.exitValue() + ":\n" + output);
        }
        return output;
    }

    /** {@code configtxlator proto_decode --type common.Block} of a block file, as JSON text. */
    public String decodeBlock(Path workDir, Path block) throws IOException, InterruptedException {
        Path json = workDir.resolve(block.getFileName() + ".json");
        run(
                workDir,
                Map.of(),
                "configtxlator",
                "proto_decode",
                "--type",
                "common.Block",
                "--input",
                block.toString(),
                "--output",
                json.toString());
        return Files.readString(json);
    }
}
