package dev.weft.lifecycle.fabric;

import dev.weft.fabric.admin.crypto.Pem;
import dev.weft.fabric.admin.identity.SigningIdentity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Resolves the admin identity reference of a {@code NetworkReady} organization. {@code file:/abs/path/msp} reads an
 * MSP folder ({@code signcerts/*.pem}, {@code keystore/*}); the key never leaves this class except inside the
 * {@link SigningIdentity}, whose {@code toString} does not show it.
 *
 * <pre>{@code
 * SigningIdentity admin = AdminIdentities.resolve("Org1MSP", "file:/work/net1/crypto/…/Admin@org1.example.com/msp");
 * }</pre>
 */
public final class AdminIdentities {

    private AdminIdentities() {}

    /** The signing identity behind {@code reference}. */
    public static SigningIdentity resolve(String mspId, String reference) {
        if (reference == null || reference.isBlank()) {
            throw new IllegalArgumentException("organization " + mspId + " has no admin identity in NetworkReady");
        }
        if (reference.startsWith("file:")) {
            return fromMspFolder(mspId, Path.of(reference.substring("file:".length())));
        }
        // secret:<ns>/<name> is resolved by the Kubernetes deployment of this service, which mounts the Secret as
        // an MSP folder and is given its path; reading Secrets through the API is not done here.
        throw new IllegalArgumentException("organization " + mspId + ": unsupported admin identity reference '"
                + reference + "' (expected file:/path/to/msp)");
    }

    /** Reads {@code signcerts/} and {@code keystore/} of an MSP folder. */
    public static SigningIdentity fromMspFolder(String mspId, Path msp) {
        Path cert = single(msp.resolve("signcerts"));
        Path key = single(msp.resolve("keystore"));
        try {
            return new SigningIdentity(
                    mspId,
                    Pem.parseCertificate(Files.readAllBytes(cert)),
                    Pem.parsePrivateKey(Files.readAllBytes(key)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the admin MSP folder " + msp, e);
        }
    }

    private static Path single(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> found = files.filter(Files::isRegularFile).sorted().toList();
            if (found.isEmpty()) {
                throw new IllegalArgumentException("no file in " + folder);
            }
            return found.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }
}
