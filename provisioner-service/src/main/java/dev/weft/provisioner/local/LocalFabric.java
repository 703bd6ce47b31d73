package dev.weft.provisioner.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The Fabric installation the local runtime starts nodes from: {@code FABRIC_BIN} (peer, orderer, optional
 * fabric-ca-server), the sample config folder ({@code core.yaml}, {@code orderer.yaml}) and, when the installation
 * comes with it, Fabric's {@code ccaas} builder in {@code $FABRIC_BIN/../builders/ccaas}.
 *
 * <pre>{@code
 * LocalFabric fabric = LocalFabric.of(Optional.of(Path.of("/opt/fabric/bin")), Optional.empty());
 * fabric.problem();      // Optional.empty() when usable
 * fabric.ccaasBuilder(); // Optional[/opt/fabric/builders/ccaas]
 * }</pre>
 *
 * @param bin the binaries folder, or {@code null} when {@code FABRIC_BIN} is not set
 * @param config the folder with {@code core.yaml} and {@code orderer.yaml}
 */
public record LocalFabric(Path bin, Path config) {

    /** Executables a local network cannot run without. */
    public static final List<String> REQUIRED = List.of("peer", "orderer");

    static final String WHERE_TO_GET_THEM = "Official Fabric 2.5 binaries come from the release archive "
            + "hyperledger-fabric-linux-amd64-2.5.x.tar.gz at https://github.com/hyperledger/fabric/releases; "
            + "set FABRIC_BIN (or weft.provisioner.local.fabric-bin) to its bin/ folder.";

    /** From the configured folders; the config folder defaults to {@code <bin>/../config}. */
    public static LocalFabric of(Optional<Path> bin, Optional<Path> config) {
        Path b = bin.map(p -> p.toAbsolutePath().normalize()).orElse(null);
        Path c = config.map(p -> p.toAbsolutePath().normalize())
                .orElse(b == null ? null : b.getParent().resolve("config"));
        return new LocalFabric(b, c);
    }

    /** Why no local network can run, naming FABRIC_BIN and where the binaries come from; empty when they can. */
    public Optional<String> problem() {
        if (bin == null) {
            return Optional.of(
                    "the local runtime needs Fabric binaries but FABRIC_BIN is not set. " + WHERE_TO_GET_THEM);
        }
        if (!Files.isDirectory(bin)) {
            return Optional.of("FABRIC_BIN " + bin + " is not a folder. " + WHERE_TO_GET_THEM);
        }
        List<String> missing = REQUIRED.stream()
                .filter(n -> !Files.isExecutable(bin.resolve(n)))
                .toList();
        if (!missing.isEmpty()) {
            return Optional.of("FABRIC_BIN " + bin + " lacks " + String.join(", ", missing) + ". " + WHERE_TO_GET_THEM);
        }
        for (String file : List.of("core.yaml", "orderer.yaml")) {
            if (!Files.isRegularFile(config.resolve(file))) {
                return Optional.of("Fabric's sample config " + config.resolve(file) + " is missing (it comes with the "
                        + "release archive's config/ folder; set weft.provisioner.local.fabric-config to it)");
            }
        }
        return Optional.empty();
    }

    /** An executable in the bin folder. */
    public Path executable(String name) {
        return bin.resolve(name);
    }

    /** Whether {@code fabric-ca-server} is there. */
    public boolean hasCaServer() {
        return bin != null && Files.isExecutable(bin.resolve("fabric-ca-server"));
    }

    /** Fabric's ccaas builder ({@code <bin>/../builders/ccaas} with {@code bin/detect}), when present. */
    public Optional<Path> ccaasBuilder() {
        if (bin == null) {
            return Optional.empty();
        }
        Path builder = bin.getParent().resolve("builders").resolve("ccaas");
        return Files.isExecutable(builder.resolve("bin").resolve("detect")) ? Optional.of(builder) : Optional.empty();
    }
}
