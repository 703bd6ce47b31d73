package dev.weft.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the Fabric 2.5 binaries for the end-to-end tier are, or why they cannot be used.
 *
 * <p>The folder comes from the {@code FABRIC_BIN} environment variable and must hold the {@code peer}, {@code orderer}
 * and {@code osnadmin} executables. Nothing is downloaded: the binaries come from the official Fabric release archive.
 *
 * <pre>{@code
 * FabricBinaries bin = FabricBinaries.fromEnvironment();
 * if (bin.problem().isEmpty()) {
 *     Path peer = bin.executable("peer");
 * }
 * }</pre>
 */
public final class FabricBinaries {

    /** The environment variable naming the folder with the Fabric binaries. */
    public static final String ENV = "FABRIC_BIN";

    /** Executables every e2e test needs. */
    public static final List<String> REQUIRED = List.of("peer", "orderer", "osnadmin");

    static final String WHERE_TO_GET_THEM = "Official Fabric 2.5 binaries come from the release archive "
            + "hyperledger-fabric-linux-amd64-2.5.x.tar.gz at https://github.com/hyperledger/fabric/releases "
            + "(its bin/ folder is what FABRIC_BIN names).";

    private final Path folder;
    private final String problem;

    private FabricBinaries(Path folder, String problem) {
        this.folder = folder;
        this.problem = problem;
    }

    /** Reads {@code FABRIC_BIN} from the process environment. */
    public static FabricBinaries fromEnvironment() {
        return from(System.getenv());
    }

    /** Reads {@code FABRIC_BIN} from the given environment; useful for tests. */
    public static FabricBinaries from(Map<String, String> environment) {
        String value = environment.get(ENV);
        if (value == null || value.isBlank()) {
            return new FabricBinaries(null, ENV + " is not set. " + WHERE_TO_GET_THEM);
        }
        Path folder = Path.of(value);
        if (!Files.isDirectory(folder)) {
            return new FabricBinaries(folder, ENV + "=" + value + " is not a folder. " + WHERE_TO_GET_THEM);
        }
        List<String> missing = new ArrayList<>();
        for (String name : REQUIRED) {
            Path file = folder.resolve(name);
            if (!Files.isRegularFile(file) || !Files.isExecutable(file)) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            return new FabricBinaries(
                    folder,
                    ENV + "=" + value + " lacks the executable(s) " + String.join(", ", missing) + ". "
                            + WHERE_TO_GET_THEM);
        }
        return new FabricBinaries(folder, null);
    }

    /** Why the binaries cannot be used, or empty when they can. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    /** The folder {@code FABRIC_BIN} names. */
    public Path folder() {
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
        return folder;
    }

    /** The path of one executable in the folder, e.g. {@code executable("configtxgen")}. */
    public Path executable(String name) {
        Objects.requireNonNull(name, "name");
        return folder().resolve(name);
    }

    /** Whether an optional executable such as {@code configtxgen} or {@code fabric-ca-server} is present. */
    public boolean has(String name) {
        return problem == null && Files.isExecutable(folder.resolve(name));
    }
}
